package dev.logitparity.trace;

/**
 * The full-vocabulary logits of a run: one row of {@link #vocab()} floats per step. Rows are copied out rather than
 * exposed so an implementation may keep them off-heap (see {@link NpyLogits}); callers reuse one {@code float[]}.
 */
public interface Logits extends AutoCloseable {

    int steps();

    int vocab();

    /**
     * Copies the logits of {@code step} into {@code dst[0, vocab)}; {@code dst.length} must be at least vocab. Called
     * from several threads at once (the comparator compares steps in parallel), each with its own {@code dst}.
     */
    void copyRow(int step, float[] dst);

    float get(int step, int token);

    /**
     * Whether every row holds a value for every token; false for sources that list only their top-k (unlisted entries
     * read as -Infinity), where metrics over the whole vocabulary are not defined.
     */
    default boolean complete() {
        return true;
    }

    /** Releases mapped or native memory behind the rows; idempotent. Once such memory is released the other methods
     *  throw {@link IllegalStateException}. Heap-backed logits have nothing to release. */
    @Override
    default void close() {
    }
}
