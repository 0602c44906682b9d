package dev.logitparity.reference;

import dev.logitparity.BadInputException;
import dev.logitparity.trace.TensorSink;

/**
 * One decode in progress: the KV cache (in double) and the next position. Each token runs the model at the next
 * position, attending over the cached keys and values of every earlier one, so a decode of n tokens costs n
 * single-position passes rather than n full recomputations.
 * <p>
 * Tokens known in advance (a prompt, a teacher-forced replay) run up to {@link #BATCH} positions at once: each
 * projection reads a weight row once for all of them, so the model streams from memory once per batch rather than
 * once per token. The numbers do not change: every dot product is {@link MatVec}'s, in its one order, for each
 * position alone, and attention still runs position after position. Not thread-safe; the projections inside one
 * pass split their rows across {@link RowWorkers#SHARED}.
 */
public final class ReferenceSession {

    /**
     * Positions run together. Beyond a few dozen the weights are no longer the traffic that matters, while a batch's
     * activations grow with it (its logits: 32 x 151,936 doubles, 39 MB).
     */
    static final int BATCH = 32;

    /** Receives the logits after the token at index {@code index} of a {@link #feed(int[], int, Logits)}. */
    @FunctionalInterface
    public interface Logits {
        void accept(int index, double[] logits);
    }

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

    // activations of a batch's positions, reused from batch to batch
    private final double[][] x;
    private final double[][] normed;
    private final double[][] query;
    private final double[][] key;
    private final double[][] value;
    private final double[][] attended;
    private final double[][] projected;
    private final double[][] up;
    private final double[][] gate;
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
        int batch = Math.min(BATCH, capacity);
        int embd = hp.embeddingLength();
        this.x = new double[batch][embd];
        this.normed = new double[batch][embd];
        this.query = new double[batch][hp.queryLength()];
        this.key = new double[batch][kv];
        this.value = new double[batch][kv];
        this.attended = new double[batch][hp.queryLength()];
        this.projected = new double[batch][embd];
        this.up = new double[batch][hp.feedForwardLength()];
        this.gate = new double[batch][hp.feedForwardLength()];
        this.scores = new double[capacity];
        this.embeddingRow = new float[embd];
    }

    /** The position the next token will take: the number of tokens fed so far. */
    public int position() {
        return position;
    }

    /**
     * Sends the named intermediates of each later feed's last token to {@code sink}, named as llama.cpp's graph names
     * them; null stops.
     */
    public void tap(TensorSink sink) {
        this.sink = sink;
    }

    /**
     * Feeds {@code tokens} at the next positions, in batches, and hands {@code logits} the logits after each token
     * from index {@code firstWithLogits} on, in order: the same numbers as feeding them one at a time.
     */
    public void feed(int[] tokens, int firstWithLogits, Logits logits) {
        for (int token : tokens) {
            if (token < 0 || token >= weights.vocabSize()) {
                throw new BadInputException("token " + token + " is outside the vocabulary of " + weights.vocabSize()
                        + " of " + model.path());
            }
        }
        if (tokens.length > capacity - position) {
            throw new IllegalStateException("the session holds " + capacity + " positions, " + position
                    + " used; " + tokens.length + " more do not fit");
        }
        for (int from = 0; from < tokens.length; from += x.length) {
            int count = Math.min(x.length, tokens.length - from);
            // intermediates are the feed's last token's, as llama.cpp's tap reports them
            int tapped = from + count == tokens.length ? count - 1 : -1;
            forward(tokens, from, count, tapped);
            int withLogits = Math.max(firstWithLogits - from, 0);
            if (withLogits < count) {
                emitLogits(from, withLogits, count, tapped, logits);
            }
        }
    }

    private void emitLogits(int from, int first, int count, int tapped, Logits logits) {
        int n = count - first;
        double[][] out = new double[n][];
        for (int t = 0; t < n; t++) {
            weights.outputNorm().apply(x[first + t], normed[t]);
            out[t] = new double[weights.vocabSize()];
        }
        emit("result_norm", tapped - first, normed);
        weights.lmHead().apply(normed, n, out, rounding);
        emit("result_output", tapped - first, out);
        for (int t = 0; t < n; t++) {
            logits.accept(from + first + t, out[t]);
        }
    }

    private void forward(int[] tokens, int from, int count, int tapped) {
        for (int t = 0; t < count; t++) {
            addRow(weights.tokenEmbedding(), tokens[from + t], x[t], false);
        }
        emit("inp_embd", tapped, x);
        if (weights.positionEmbedding() != null) {
            for (int t = 0; t < count; t++) {
                addRow(weights.positionEmbedding(), position + t, x[t], true);
            }
        }
        // llama.cpp names the sum inpL in the architectures that have learned positions (gpt2)
        if (model.architecture().ops().positionEmbedding()) {
            emit("inpL", tapped, x);
        }
        for (int layer = 0; layer < hp.blockCount(); layer++) {
            TransformerWeights.Block block = weights.blocks().get(layer);
            normAll(block.attentionNorm(), count);
            emit("attn_norm", layer, tapped, normed);
            attention(layer, block, count, tapped);
            emit("kqv_out", layer, tapped, attended);
            block.attentionOutput().apply(attended, count, projected, rounding);
            addInto(x, projected, count);
            emit("ffn_inp", layer, tapped, x);
            normAll(block.feedForwardNorm(), count);
            emit("ffn_norm", layer, tapped, normed);
            feedForward(block, count);
            emit("ffn_out", layer, tapped, projected);
            addInto(x, projected, count);
            emit("l_out", layer, tapped, x);
        }
        position += count;
    }

    /** Row {@code row} of an embedding into {@code into}, added to what it holds or replacing it. */
    private void addRow(WeightMatrix embedding, int row, double[] into, boolean add) {
        embedding.decodeRow(row, embeddingRow);
        for (int i = 0; i < into.length; i++) {
            into[i] = add ? into[i] + embeddingRow[i] : embeddingRow[i];
        }
    }

    private void normAll(NormLayer norm, int count) {
        for (int t = 0; t < count; t++) {
            norm.apply(x[t], normed[t]);
        }
    }

    /**
     * Causal multi-head attention of each position over all cached ones, position after position, each caching its
     * key and value before it attends; each group of query heads shares a KV head.
     */
    private void attention(int layer, TransformerWeights.Block block, int count, int tapped) {
        block.query().apply(normed, count, query, rounding);
        block.key().apply(normed, count, key, rounding);
        block.value().apply(normed, count, value, rounding);
        int headLength = hp.headLength();
        int kv = hp.kvLength();
        for (int t = 0; t < count; t++) {
            rope.rotate(query[t], hp.headCount(), headLength, position + t);
            rope.rotate(key[t], hp.headCountKv(), headLength, position + t);
            System.arraycopy(key[t], 0, keys[layer], (position + t) * kv, kv);
            System.arraycopy(value[t], 0, values[layer], (position + t) * kv, kv);
            attend(layer, position + t, query[t], attended[t]);
        }
        emit("Qcur", layer, tapped, query);
        emit("Kcur", layer, tapped, key);
        emit("Vcur", layer, tapped, value);
    }

    private void attend(int layer, int at, double[] q, double[] out) {
        int headLength = hp.headLength();
        int kv = hp.kvLength();
        double scale = 1 / Math.sqrt(headLength);
        int groupSize = hp.headCount() / hp.headCountKv();
        for (int head = 0; head < hp.headCount(); head++) {
            int q0 = head * headLength;
            int kv0 = (head / groupSize) * headLength;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t <= at; t++) {
                double dot = 0;
                for (int i = 0; i < headLength; i++) {
                    dot += q[q0 + i] * keys[layer][t * kv + kv0 + i];
                }
                scores[t] = dot * scale;
                max = Math.max(max, scores[t]);
            }
            double sum = 0;
            for (int t = 0; t <= at; t++) {
                scores[t] = Math.exp(scores[t] - max);
                sum += scores[t];
            }
            for (int i = 0; i < headLength; i++) {
                double o = 0;
                for (int t = 0; t <= at; t++) {
                    o += scores[t] * values[layer][t * kv + kv0 + i];
                }
                out[q0 + i] = o / sum;
            }
        }
    }

    /** Leaves the block's feed-forward output in {@code projected}. */
    private void feedForward(TransformerWeights.Block block, int count) {
        block.up().apply(normed, count, up, rounding);
        switch (model.ops().feedForward()) {
            case GELU -> {
                for (int t = 0; t < count; t++) {
                    double[] u = up[t];
                    for (int i = 0; i < u.length; i++) {
                        u[i] = rounding == Ops.Rounding.GGML_CPU ? GgmlCpuRounding.gelu(u[i]) : Activations.gelu(u[i]);
                    }
                }
            }
            case SWIGLU -> {
                block.gate().apply(normed, count, gate, rounding);
                for (int t = 0; t < count; t++) {
                    for (int i = 0; i < up[t].length; i++) {
                        up[t][i] *= Activations.silu(gate[t][i]);
                    }
                }
            }
        }
        block.down().apply(up, count, projected, rounding);
    }

    private void emit(String op, int layer, int tapped, double[][] values) {
        if (sink != null) {
            emit(op + "-" + layer, tapped, values);
        }
    }

    /** Emits position {@code tapped} of a batch's values; -1 when the feed's last token is in a later batch. */
    private void emit(String name, int tapped, double[][] values) {
        if (sink != null && tapped >= 0 && sink.wants(name)) {
            sink.accept(name, values[tapped]);
        }
    }

    private static void addInto(double[][] acc, double[][] delta, int count) {
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < acc[t].length; i++) {
                acc[t][i] += delta[t][i];
            }
        }
    }
}
