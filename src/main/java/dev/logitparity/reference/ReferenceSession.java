package dev.logitparity.reference;

import dev.logitparity.BadInputException;
import dev.logitparity.trace.TensorSink;

/**
 * One decode in progress: the KV cache (in double) and the next position. Each {@link #feed} or {@link #next} runs
 * the model on one token at the next position, attending over the cached keys and values of every earlier one, so a
 * decode of n tokens costs n single-token passes rather than n full recomputations. Not thread-safe; the projections inside one pass use
 * the common fork-join pool.
 */
public final class ReferenceSession {

    private final ReferenceModel model;
    private final TransformerWeights weights;
    private final RotaryEmbedding rope;
    private final Hyperparameters hp;
    private final int capacity;
    private final Ops.Rounding rounding;
    private final double[][] keys;
    private final double[][] values;
    private int position;
    private TensorSink sink;

    // activations, reused from token to token
    private final double[] x;
    private final double[] normed;
    private final double[] query;
    private final double[] key;
    private final double[] value;
    private final double[] attended;
    private final double[] projected;
    private final double[] up;
    private final double[] gate;
    private final double[] scores;
    private final float[] embeddingRow;

    ReferenceSession(ReferenceModel model, TransformerWeights weights, RotaryEmbedding rope, int capacity) {
        this.model = model;
        this.weights = weights;
        this.rope = rope;
        this.hp = model.hyperparameters();
        this.capacity = capacity;
        this.rounding = model.ops().rounding();
        int kv = hp.kvLength();
        this.keys = new double[hp.blockCount()][Math.multiplyExact(capacity, kv)];
        this.values = new double[hp.blockCount()][Math.multiplyExact(capacity, kv)];
        int embd = hp.embeddingLength();
        this.x = new double[embd];
        this.normed = new double[embd];
        this.query = new double[hp.queryLength()];
        this.key = new double[kv];
        this.value = new double[kv];
        this.attended = new double[hp.queryLength()];
        this.projected = new double[embd];
        this.up = new double[hp.feedForwardLength()];
        this.gate = new double[hp.feedForwardLength()];
        this.scores = new double[capacity];
        this.embeddingRow = new float[embd];
    }

    /** The position the next token will take: the number of tokens fed so far. */
    public int position() {
        return position;
    }

    /** Sends the named intermediates of later tokens to {@code sink}, named as llama.cpp's graph names them; null stops. */
    public void tap(TensorSink sink) {
        this.sink = sink;
    }

    /** Feeds {@code token} without computing logits: a prompt token that is not the last. */
    public void feed(int token) {
        forward(token);
    }

    /** Feeds {@code token} and returns the logits for the token after it (vocabulary-long, in double). */
    public double[] next(int token) {
        forward(token);
        weights.outputNorm().apply(x, normed);
        emit("result_norm", normed);
        double[] logits = new double[weights.vocabSize()];
        weights.lmHead().apply(normed, logits, rounding);
        emit("result_output", logits);
        return logits;
    }

    private void forward(int token) {
        if (token < 0 || token >= weights.vocabSize()) {
            throw new BadInputException("token " + token + " is outside the vocabulary of " + weights.vocabSize()
                    + " of " + model.path());
        }
        if (position == capacity) {
            throw new IllegalStateException("the session holds " + capacity + " positions, all used");
        }
        embed(token);
        for (int layer = 0; layer < hp.blockCount(); layer++) {
            TransformerWeights.Block block = weights.blocks().get(layer);
            block.attentionNorm().apply(x, normed);
            emit("attn_norm", layer, normed);
            attention(layer, block);
            emit("kqv_out", layer, attended);
            block.attentionOutput().apply(attended, projected, rounding);
            addInto(x, projected);
            emit("ffn_inp", layer, x);
            block.feedForwardNorm().apply(x, normed);
            emit("ffn_norm", layer, normed);
            feedForward(block);
            emit("ffn_out", layer, projected);
            addInto(x, projected);
            emit("l_out", layer, x);
        }
        position++;
    }

    private void embed(int token) {
        weights.tokenEmbedding().decodeRow(token, embeddingRow);
        for (int i = 0; i < x.length; i++) {
            x[i] = embeddingRow[i];
        }
        emit("inp_embd", x);
        if (weights.positionEmbedding() != null) {
            weights.positionEmbedding().decodeRow(position, embeddingRow);
            for (int i = 0; i < x.length; i++) {
                x[i] += embeddingRow[i];
            }
        }
        // llama.cpp names the sum inpL in the architectures that have learned positions (gpt2)
        if (model.architecture().ops().positionEmbedding()) {
            emit("inpL", x);
        }
    }

    /** Causal multi-head attention of this position over all cached ones; each group of query heads shares a KV head. */
    private void attention(int layer, TransformerWeights.Block block) {
        block.query().apply(normed, query, rounding);
        block.key().apply(normed, key, rounding);
        block.value().apply(normed, value, rounding);
        int headLength = hp.headLength();
        rope.rotate(query, hp.headCount(), headLength, position);
        rope.rotate(key, hp.headCountKv(), headLength, position);
        emit("Qcur", layer, query);
        emit("Kcur", layer, key);
        emit("Vcur", layer, value);
        int kv = hp.kvLength();
        System.arraycopy(key, 0, keys[layer], position * kv, kv);
        System.arraycopy(value, 0, values[layer], position * kv, kv);

        double scale = 1 / Math.sqrt(headLength);
        int groupSize = hp.headCount() / hp.headCountKv();
        for (int head = 0; head < hp.headCount(); head++) {
            int q0 = head * headLength;
            int kv0 = (head / groupSize) * headLength;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t <= position; t++) {
                double dot = 0;
                for (int i = 0; i < headLength; i++) {
                    dot += query[q0 + i] * keys[layer][t * kv + kv0 + i];
                }
                scores[t] = dot * scale;
                max = Math.max(max, scores[t]);
            }
            double sum = 0;
            for (int t = 0; t <= position; t++) {
                scores[t] = Math.exp(scores[t] - max);
                sum += scores[t];
            }
            for (int i = 0; i < headLength; i++) {
                double out = 0;
                for (int t = 0; t <= position; t++) {
                    out += scores[t] * values[layer][t * kv + kv0 + i];
                }
                attended[q0 + i] = out / sum;
            }
        }
    }

    /** Leaves the block's feed-forward output in {@code projected}. */
    private void feedForward(TransformerWeights.Block block) {
        block.up().apply(normed, up, rounding);
        switch (model.ops().feedForward()) {
            case GELU -> {
                for (int i = 0; i < up.length; i++) {
                    up[i] = rounding == Ops.Rounding.GGML_CPU ? GgmlCpuRounding.gelu(up[i])
                            : Activations.gelu(up[i]);
                }
            }
            case SWIGLU -> {
                block.gate().apply(normed, gate, rounding);
                for (int i = 0; i < up.length; i++) {
                    up[i] *= Activations.silu(gate[i]);
                }
            }
        }
        block.down().apply(up, projected, rounding);
    }

    private void emit(String op, int layer, double[] values) {
        if (sink != null) {
            emit(op + "-" + layer, values);
        }
    }

    private void emit(String name, double[] values) {
        if (sink != null && sink.wants(name)) {
            sink.accept(name, values);
        }
    }

    private static void addInto(double[] acc, double[] delta) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += delta[i];
        }
    }
}
