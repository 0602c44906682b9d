package dev.logitparity.capture;

import dev.logitparity.BadInputException;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes greedily in llama.cpp and records every step's full-vocabulary logits.
 * <p>
 * Both modes decode the prompt as one batch (in chunks of n_batch) and then one token per step, so a teacher-forced
 * run fed the free-run tokens performs the same arithmetic and gives bit-identical logits.
 */
public final class GreedyCapture {

    private static final String CREATED_BY = "logit-parity 0.1.0";

    private final LlamaContext context;

    public GreedyCapture(LlamaContext context) {
        this.context = context;
    }

    /**
     * The argmax feeds the next step. Stops after {@code steps} tokens, or after an end-of-generation token when
     * {@code stopAtEndOfGeneration}: that step is recorded, as a runtime that stops there would print it.
     */
    public Trace freeRun(String prompt, int steps, boolean stopAtEndOfGeneration) {
        int[] promptTokens = tokenize(prompt, steps);
        return decode(prompt, promptTokens, steps, (step, logits) -> argmax(logits, context.vocabSize()),
                stopAtEndOfGeneration, CaptureMode.FREE_RUN);
    }

    /** Feeds {@code forced} one token per step whatever llama.cpp would pick, recording the logits before each. */
    public Trace teacherForced(String prompt, int[] forced) {
        int vocab = context.vocabSize();
        for (int i = 0; i < forced.length; i++) {
            if (forced[i] < 0 || forced[i] >= vocab) {
                throw new BadInputException("forced token " + i + " is " + forced[i] + ", outside the vocabulary of "
                        + vocab + " of " + context.model().path());
            }
        }
        int[] promptTokens = tokenize(prompt, forced.length);
        return decode(prompt, promptTokens, forced.length, (step, logits) -> forced[step], false,
                CaptureMode.TEACHER_FORCED);
    }

    /**
     * Index of the largest logit, the first on ties, exactly as llama_sampler_init_greedy compares (so a NaN at index
     * 0 is never beaten). Not {@code LogProbs.argmax}, which skips NaN: this is what llama.cpp itself would decode.
     */
    public static int argmax(float[] logits, int vocab) {
        int best = 0;
        for (int i = 1; i < vocab; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    @FunctionalInterface
    private interface NextToken {
        int choose(int step, float[] logits);
    }

    private Trace decode(String prompt, int[] promptTokens, int steps, NextToken next, boolean stopAtEog,
                         CaptureMode mode) {
        int vocab = context.vocabSize();
        InMemoryLogits.Builder rows = InMemoryLogits.builder(vocab, steps);
        int[] tokens = new int[steps];
        float[] row = new float[vocab];
        context.clearMemory();
        context.decode(promptTokens);
        int done = 0;
        int[] one = new int[1];
        while (done < steps) {
            context.copyLastLogits(row);
            rows.appendRow(row);
            int token = next.choose(done, row);
            tokens[done++] = token;
            if (done == steps || (stopAtEog && context.model().vocab().isEndOfGeneration(token))) {
                break;
            }
            one[0] = token;
            context.decode(one);
        }
        return Trace.of(runInfo(prompt, mode), promptTokens, Arrays.copyOf(tokens, done), rows.build());
    }

    private int[] tokenize(String prompt, int steps) {
        if (prompt.isEmpty()) {
            throw new BadInputException("prompt is empty");
        }
        if (steps < 1) {
            throw new BadInputException("steps must be at least 1, got " + steps);
        }
        int[] tokens = context.model().vocab().tokenize(prompt);
        // llama.cpp rounds n_ctx up (to 256): the user's limit is the one they asked for
        int capacity = Math.min(context.contextLength(), context.settings().contextLength());
        if (tokens.length + steps > capacity) {
            throw new BadInputException("prompt is " + tokens.length + " tokens; with " + steps
                    + " steps that exceeds the context of " + capacity + " tokens");
        }
        return tokens;
    }

    private RunInfo runInfo(String prompt, CaptureMode mode) {
        LlamaModel model = context.model();
        LlamaLibrary library = model.library();
        Map<String, String> settings = new LinkedHashMap<>(context.describe());
        settings.putAll(model.settings().describe());
        settings.put("cpu_backend", library.cpuBackend());
        settings.put("prompt_decode", "batched");
        settings.put("graph_reuse", "1".equals(System.getenv("LLAMA_GRAPH_REUSE_DISABLE")) ? "off" : "on");
        settings.put("architecture", model.architecture());
        return new RunInfo("llama.cpp", model.path().toString(), model.sha256(), library.description(), mode,
                prompt, settings, CREATED_BY);
    }
}
