package dev.logitparity.reference;

import dev.logitparity.BadInputException;
import dev.logitparity.capture.GreedyCapture;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Greedy decoding on the reference engine, recorded as a {@link Trace} like any other source's. The engine has no
 * tokenizer: the caller gives the prompt's token ids (tokenised with the model's vocabulary, e.g. by llama.cpp's
 * {@code Vocab}), and may give the prompt text for the record.
 *
 * <p>The prompt is fed one token at a time; only the last prompt position and the generated ones compute logits.
 * Logits are recorded rounded to float, as a trace holds them; free-run picks the argmax of that float row (the first
 * index on ties), so the recorded tokens are what any reader of the trace would pick.
 */
public final class ReferenceCapture {

    private static final String LIBRARY = "logit-parity reference engine (pure Java, f64)";
    private static final String CREATED_BY = "logit-parity 0.1.0";

    private final ReferenceModel model;

    public ReferenceCapture(ReferenceModel model) {
        this.model = model;
    }

    /** The argmax feeds the next step, for {@code steps} steps. {@code prompt}, the text, may be null. */
    public Trace freeRun(String prompt, int[] promptTokens, int steps) {
        return decode(prompt, promptTokens, steps, (step, row) -> GreedyCapture.argmax(row, row.length),
                CaptureMode.FREE_RUN);
    }

    /** Feeds {@code forced} one token per step, recording the logits before each. {@code prompt} may be null. */
    public Trace teacherForced(String prompt, int[] promptTokens, int[] forced) {
        int[] tokens = forced.clone();
        return decode(prompt, promptTokens, tokens.length, (step, row) -> tokens[step], CaptureMode.TEACHER_FORCED);
    }

    @FunctionalInterface
    private interface NextToken {
        int choose(int step, float[] logits);
    }

    private Trace decode(String prompt, int[] promptTokens, int steps, NextToken next, CaptureMode mode) {
        if (promptTokens.length == 0) {
            throw new BadInputException("prompt has no tokens");
        }
        if (steps < 1) {
            throw new BadInputException("steps must be at least 1, got " + steps);
        }
        int vocab = model.vocabSize();
        // the last chosen token is recorded, never fed
        ReferenceSession session = model.newSession(promptTokens.length + steps - 1);
        for (int i = 0; i < promptTokens.length - 1; i++) {
            session.feed(promptTokens[i]);
        }
        double[] logits = session.next(promptTokens[promptTokens.length - 1]);
        InMemoryLogits.Builder rows = InMemoryLogits.builder(vocab, steps);
        int[] tokens = new int[steps];
        float[] row = new float[vocab];
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < vocab; i++) {
                row[i] = (float) logits[i];
            }
            rows.appendRow(row);
            tokens[step] = next.choose(step, row);
            if (step + 1 < steps) {
                logits = session.next(tokens[step]);
            }
        }
        return Trace.of(runInfo(prompt, mode), promptTokens, tokens, rows.build());
    }

    private RunInfo runInfo(String prompt, CaptureMode mode) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("precision", "f64");
        settings.put("architecture", model.architecture().ggufName());
        settings.putAll(model.ops().describe());
        settings.put("kv_cache", "f64");
        return new RunInfo("reference", model.path().toString(), model.sha256(), LIBRARY, mode, prompt, settings,
                CREATED_BY);
    }
}
