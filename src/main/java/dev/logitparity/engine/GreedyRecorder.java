package dev.logitparity.engine;

import dev.logitparity.BadInputException;
import dev.logitparity.logits.GreedyArgmax;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Trace;

import java.util.Arrays;

/**
 * Decodes greedily on an {@link Engine} and records every step's full-vocabulary logits.
 * <p>
 * Both modes feed the prompt at once and then one token per step, so a teacher-forced run fed the free-run tokens
 * performs the same arithmetic and gives bit-identical logits; an engine that runs known tokens together
 * ({@link Engine#feedKnown}) does so only where that changes no bit. The last chosen token is recorded, never fed.
 */
public final class GreedyRecorder {

    private final Engine engine;

    public GreedyRecorder(Engine engine) {
        this.engine = engine;
    }

    /**
     * The argmax feeds the next step. Stops after {@code steps} tokens, or after an end-of-generation token when
     * {@code stopAtEndOfGeneration}: that step is recorded, as a runtime that stops there would print it.
     * {@code prompt}, the text, is for the record and may be null.
     */
    public Trace freeRun(String prompt, int[] promptTokens, int steps, boolean stopAtEndOfGeneration) {
        int vocab = engine.vocabSize();
        return decode(prompt, promptTokens, steps, (step, row) -> GreedyArgmax.of(row, vocab), stopAtEndOfGeneration,
                CaptureMode.FREE_RUN);
    }

    /** Feeds {@code forced} one token per step whatever the engine would pick, recording the logits before each. */
    public Trace teacherForced(String prompt, int[] promptTokens, int[] forced) {
        int vocab = engine.vocabSize();
        for (int i = 0; i < forced.length; i++) {
            if (forced[i] < 0 || forced[i] >= vocab) {
                throw new BadInputException("forced token " + i + " is " + forced[i] + ", outside the vocabulary of "
                        + vocab);
            }
        }
        int steps = forced.length;
        start(promptTokens, steps);
        InMemoryLogits.Builder rows = InMemoryLogits.builder(vocab, steps);
        // the last forced token is recorded, never fed
        int[] fed = new int[promptTokens.length + steps - 1];
        System.arraycopy(promptTokens, 0, fed, 0, promptTokens.length);
        System.arraycopy(forced, 0, fed, promptTokens.length, steps - 1);
        engine.feedKnown(fed, promptTokens.length - 1, (row, index) -> rows.appendRow(row));
        return Trace.of(engine.runInfo(prompt, CaptureMode.TEACHER_FORCED), promptTokens, forced.clone(),
                rows.build());
    }

    /** Checks that a decode of {@code steps} after {@code promptTokens} fits the engine, and resets it for one. */
    private void start(int[] promptTokens, int steps) {
        if (promptTokens.length == 0) {
            throw new BadInputException("prompt has no tokens");
        }
        BadInputException.requireAtLeastOne("steps", steps);
        // as a runtime that goes on after the last step would need it, though the last token is never fed here
        if (promptTokens.length + steps > engine.maxPositions()) {
            throw new BadInputException("prompt is " + promptTokens.length + " tokens; with " + steps
                    + " steps that exceeds the context of " + engine.maxPositions() + " tokens");
        }
        engine.reset(promptTokens.length + steps - 1);
    }

    @FunctionalInterface
    private interface NextToken {
        int choose(int step, float[] logits);
    }

    private Trace decode(String prompt, int[] promptTokens, int steps, NextToken next, boolean stopAtEog,
                         CaptureMode mode) {
        start(promptTokens, steps);
        int vocab = engine.vocabSize();
        InMemoryLogits.Builder rows = InMemoryLogits.builder(vocab, steps);
        int[] tokens = new int[steps];
        float[] row = new float[vocab];
        int[] one = new int[1];
        engine.feed(promptTokens);
        int done = 0;
        while (done < steps) {
            engine.copyLogits(row);
            rows.appendRow(row);
            int token = next.choose(done, row);
            tokens[done++] = token;
            if (done == steps || (stopAtEog && engine.isEndOfGeneration(token))) {
                break;
            }
            one[0] = token;
            engine.feed(one);
        }
        return Trace.of(engine.runInfo(prompt, mode), promptTokens, Arrays.copyOf(tokens, done), rows.build());
    }
}
