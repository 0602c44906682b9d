package dev.logitparity.trace;

/**
 * Receives an engine's named intermediates (llama.cpp's graph names: {@code attn_norm-0}, {@code Qcur-0}, ...,
 * {@code result_output}) for the last position of a feed.
 */
public interface TensorSink {

    /** Whether the tensor of this name is wanted; an engine computes nothing extra for the others. */
    boolean wants(String name);

    /**
     * A new graph begins: llama.cpp evaluates a long prompt as several graphs (one per micro-batch), and only the
     * last one holds the last position.
     */
    default void newGraph() {
    }

    /** The values of {@code name} at the last position fed, in ggml's element order. */
    void accept(String name, double[] values);
}
