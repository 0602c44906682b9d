package dev.logitparity.junit;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

/** Traces built from rows written out in a test, so the verdict each pair deserves is known by construction. */
final class HandTraces {
    static final int[] PROMPT_IDS = {1, 2, 3};
    static final String PROMPT = "one two three";

    private HandTraces() {
    }

    /** A free run of {@code source} whose token at each step is that row's largest value. */
    static Trace freeRun(String source, float[]... rows) {
        return freeRun(source, PROMPT_IDS, rows);
    }

    static Trace freeRun(String source, int[] promptIds, float[]... rows) {
        int vocab = rows[0].length;
        InMemoryLogits.Builder logits = InMemoryLogits.builder(vocab);
        int[] tokens = new int[rows.length];
        for (int step = 0; step < rows.length; step++) {
            logits.appendRow(rows[step]);
            for (int token = 1; token < vocab; token++) {
                tokens[step] = rows[step][token] > rows[step][tokens[step]] ? token : tokens[step];
            }
        }
        return Trace.of(info(source), promptIds, tokens, logits.build());
    }

    static Trace tokensOnly(String source, int... tokens) {
        return Trace.tokensOnly(info(source), PROMPT_IDS, tokens);
    }

    /** {@code base} with {@code delta} added to each listed token: {@code {token, delta, token, delta, ...}}. */
    static float[] moved(float[] base, double... tokenThenDelta) {
        float[] row = base.clone();
        for (int i = 0; i < tokenThenDelta.length; i += 2) {
            row[(int) tokenThenDelta[i]] += (float) tokenThenDelta[i + 1];
        }
        return row;
    }

    /** {@code row} plus {@code shift} everywhere: the same log-probabilities. */
    static float[] shifted(float[] row, float shift) {
        float[] out = new float[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i] + shift;
        }
        return out;
    }

    /** Plain double log-softmax of one entry, the test's own oracle. */
    static double logprob(float[] row, int token) {
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v);
        }
        return row[token] - Math.log(sum);
    }

    private static RunInfo info(String source) {
        return new RunInfo(source, source + ".gguf", null, null, CaptureMode.FREE_RUN, PROMPT, null, null);
    }
}
