package dev.logitparity.engine;

import dev.logitparity.trace.TensorSink;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;

/**
 * A causal language model decoding one sequence: llama.cpp through the bridge, or the f64 reference. Both are driven
 * by the same {@link GreedyRecorder}, so a difference between their traces is a difference in arithmetic, never in
 * how the loop fed them. Both can also show the named intermediates of a step ({@link Intermediates}), so the two
 * can be compared layer by layer.
 */
public interface Engine {

    int vocabSize();

    /** The most positions one sequence may hold (prompt and fed tokens). */
    int maxPositions();

    /** Forgets the sequence, with room for {@code positions} tokens; the next {@link #feed} starts at position 0. */
    void reset(int positions);

    /** Appends {@code tokens} to the sequence; the logits of the last of them become the current ones. */
    void feed(int[] tokens);

    /**
     * Feeds {@code tokens}, all known in advance (a prompt and a teacher-forced replay), and hands {@code rows} the
     * logits after each from index {@code firstWithLogits} on, in order, as float (the array is reused). This feeds
     * {@code tokens[0, firstWithLogits]} at once and then one token at a time, as a decode would; an engine that can
     * run known tokens together without changing a bit of the result overrides it.
     */
    default void feedKnown(int[] tokens, int firstWithLogits, ObjIntConsumer<float[]> rows) {
        float[] row = new float[vocabSize()];
        feed(Arrays.copyOf(tokens, firstWithLogits + 1));
        copyLogits(row);
        rows.accept(row, firstWithLogits);
        int[] one = new int[1];
        for (int i = firstWithLogits + 1; i < tokens.length; i++) {
            one[0] = tokens[i];
            feed(one);
            copyLogits(row);
            rows.accept(row, i);
        }
    }

    /** Copies the current logits, as float, into the first {@link #vocabSize()} elements of {@code row}. */
    void copyLogits(float[] row);

    /** Whether decoding ends at {@code token} (EOS, EOT, ...), as the engine's runtime would stop there. */
    boolean isEndOfGeneration(int token);

    /**
     * Sends the named intermediates of every later feed's last position to {@code sink}; null stops that. An engine
     * that cannot show its intermediates throws {@link IllegalStateException}.
     */
    void tap(TensorSink sink);

    /** The record of a run on this engine: which runtime, model, library and every setting that moves numbers. */
    RunInfo runInfo(String prompt, CaptureMode mode);
}
