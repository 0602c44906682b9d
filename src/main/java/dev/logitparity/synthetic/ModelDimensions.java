package dev.logitparity.synthetic;

/**
 * The shape of a transformer, as GGUF's {@code <arch>.*} hyper-parameters state it. The vocabulary size is not here:
 * it is the length of the borrowed tokenizer's token list.
 */
public record ModelDimensions(int embeddingLength, int blockCount, int headCount, int headCountKv,
                              int feedForwardLength, int contextLength) {

    /** Q8_0 blocks are 32 values and rows are ne0-long, so every row length must be a multiple of 32. */
    private static final int ROW_MULTIPLE = 32;

    public ModelDimensions {
        String shape = "n_embd " + embeddingLength + ", blocks " + blockCount + ", heads " + headCount + ", kv heads "
                + headCountKv + ", ff " + feedForwardLength + ", context " + contextLength;
        if (embeddingLength <= 0 || blockCount <= 0 || headCount <= 0 || headCountKv <= 0
                || feedForwardLength <= 0 || contextLength <= 0) {
            throw new IllegalArgumentException("all dimensions must be positive: " + shape);
        }
        if (embeddingLength % headCount != 0 || headCount % headCountKv != 0) {
            throw new IllegalArgumentException("embedding length must divide into heads and heads into KV heads: " + shape);
        }
        if (embeddingLength % ROW_MULTIPLE != 0 || feedForwardLength % ROW_MULTIPLE != 0) {
            throw new IllegalArgumentException("embedding and feed-forward lengths must be multiples of " + ROW_MULTIPLE
                    + " (Q8_0 block): " + shape);
        }
    }

    public int headLength() {
        return embeddingLength / headCount;
    }

    /** Width of K (and of V): {@code n_embd_gqa} in llama.cpp. */
    public int kvLength() {
        return headLength() * headCountKv;
    }
}
