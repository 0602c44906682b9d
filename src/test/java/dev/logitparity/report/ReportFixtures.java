package dev.logitparity.report;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * Two 5-step traces over a 6-token vocabulary, hand-made: step 0 is bitwise equal, steps 1 and 2 make the same
 * choice with rows further apart than the fixed band (0.05 nats), and at step 3 A picks 1 while B picks 2.
 */
final class ReportFixtures {

    /** Pieces a page must escape: markup, a script end tag, a newline, an entity, quotes. */
    static final IntFunction<String> PIECES = id -> switch (id) {
        case 0 -> "</script><b>bold</b>";
        case 1 -> " Paris";
        case 2 -> "\n";
        case 3 -> "&amp;";
        case 4 -> "\"q\"";
        default -> "t" + id;
    };

    static final float[] A = {
            2, 1, 0, 0, 0, 0,        // step 0: A picks 0 by exactly 1 nat over 1
            0, 3, 1, 0, 0, 0,        // step 1: 1 by 2 nats
            4, 0, 0, 0, 0, 0,        // step 2: 0
            0, 2, 1.99f, 0, 0, 0,    // step 3: 1 by 0.01 over 2
            0, 0, 0, 5, 0, 0};       // step 4: 3
    static final float[] B = {
            2, 1, 0, 0, 0, 0,
            0, 3, 1.5f, 0, 0, 0,     // step 1: B's margin 1.5, token 2 0.5 nats apart: out of band
            4, 0.5f, 0, 0, 0, 0,     // step 2: same choice, rows apart by more than 0.05
            0, 1.99f, 2, 0, 0, 0,    // step 3: B picks 2
            0, 0, 0, 5, 0, 0};

    private ReportFixtures() {
    }

    static Trace trace(String source, float[] logits, int[] tokens) {
        RunInfo info = new RunInfo(source, "m.gguf", "0".repeat(64), "none", CaptureMode.FREE_RUN, "Hi", Map.of(), "0");
        return Trace.of(info, new int[]{1}, tokens, InMemoryLogits.wrap(6, logits));
    }

    static Trace a() {
        return trace("llama.cpp", A, new int[]{0, 1, 0, 1, 3});
    }

    static Trace b() {
        return trace("other", B, new int[]{0, 1, 0, 2, 3});
    }

    static DivergenceReport report() {
        return TraceComparator.within(Band.defaults()).compare(a(), b());
    }
}
