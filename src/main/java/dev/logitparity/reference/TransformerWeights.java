package dev.logitparity.reference;

import dev.logitparity.BadInputException;
import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.reference.ReferenceArchitecture.BiasSite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every weight of a model, located in its GGUF by llama.cpp's tensor names ({@code src/llama-arch.cpp}) and checked
 * for shape and type when the model opens, so a forward pass never meets a tensor it cannot use.
 *
 * @param tokenEmbedding    {@code token_embd}: one row per token
 * @param positionEmbedding {@code position_embd}, one row per position; null unless the ops add it
 * @param blocks            the transformer blocks in order
 * @param outputNorm        {@code output_norm}
 * @param lmHead            {@code output}, or the token embedding when the model ties them
 */
record TransformerWeights(WeightMatrix tokenEmbedding, WeightMatrix positionEmbedding, List<Block> blocks,
                          NormLayer outputNorm, Linear lmHead) {

    /** One block; {@code gate} is null for a GELU feed-forward. */
    record Block(NormLayer attentionNorm, Linear query, Linear key, Linear value, Linear attentionOutput,
                 NormLayer feedForwardNorm, Linear gate, Linear up, Linear down) {
    }

    int vocabSize() {
        return tokenEmbedding.rows();
    }

    static TransformerWeights load(GgufFile file, ReferenceArchitecture arch, Hyperparameters hp, Ops ops) {
        return new Loader(file, arch, hp, ops).load();
    }

    private record Loader(GgufFile file, ReferenceArchitecture arch, Hyperparameters hp, Ops ops) {

        TransformerWeights load() {
            int embd = hp.embeddingLength();
            WeightMatrix tokens = matrix("token_embd.weight", embd, -1);
            WeightMatrix positions = ops.positionEmbedding() ? matrix("position_embd.weight", embd, -1) : null;
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < hp.blockCount(); i++) {
                blocks.add(block("blk." + i + "."));
            }
            Linear lmHead = new Linear(
                    optionalMatrix("output.weight", embd, tokens.rows()).orElse(tokens),
                    bias("output.bias", tokens.rows(), BiasSite.LM_HEAD));
            return new TransformerWeights(tokens, positions, List.copyOf(blocks), norm("output_norm"), lmHead);
        }

        private Block block(String blk) {
            int embd = hp.embeddingLength();
            int q = hp.queryLength();
            int kv = hp.kvLength();
            Linear query;
            Linear key;
            Linear value;
            if (arch.fixedLayout() || file.findTensor(blk + "attn_qkv.weight").isPresent()) {
                Linear qkv = linear(blk + "attn_qkv", embd, q + 2 * kv, BiasSite.QKV);
                query = qkv.rowSlice(0, q);
                key = qkv.rowSlice(q, kv);
                value = qkv.rowSlice(q + kv, kv);
            } else {
                query = linear(blk + "attn_q", embd, q, BiasSite.QKV);
                key = linear(blk + "attn_k", embd, kv, BiasSite.QKV);
                value = linear(blk + "attn_v", embd, kv, BiasSite.QKV);
            }
            Linear attentionOutput = linear(blk + "attn_output", q, embd, BiasSite.ATTENTION_OUTPUT);
            int ff = hp.feedForwardLength();
            Linear gate = ops.feedForward() == Ops.FeedForward.SWIGLU
                    ? linear(blk + "ffn_gate", embd, ff, BiasSite.FEED_FORWARD) : null;
            return new Block(norm(blk + "attn_norm"), query, key, value, attentionOutput, norm(blk + "ffn_norm"),
                    gate, linear(blk + "ffn_up", embd, ff, BiasSite.FEED_FORWARD),
                    linear(blk + "ffn_down", ff, embd, BiasSite.FEED_FORWARD));
        }

        private Linear linear(String name, int inputs, int outputs, BiasSite site) {
            return new Linear(matrix(name + ".weight", inputs, outputs), bias(name + ".bias", outputs, site));
        }

        private NormLayer norm(String name) {
            return new NormLayer(ops.norm(), hp.normEpsilon(), vector(required(name + ".weight"), hp.embeddingLength()),
                    bias(name + ".bias", hp.embeddingLength(), BiasSite.NORM));
        }

        /** The bias when the architecture reads one here: required for GPT-2, optional for the others. */
        private double[] bias(String name, int length, BiasSite site) {
            if (!arch.readsBias(site)) {
                return null;
            }
            Optional<GgufTensorInfo> info = arch.fixedLayout() ? Optional.of(required(name)) : file.findTensor(name);
            return info.map(t -> vector(t, length)).orElse(null);
        }

        /** A matrix of rows {@code columns} long; {@code rows} -1 accepts any number of rows. */
        private WeightMatrix matrix(String name, int columns, int rows) {
            return toMatrix(required(name), columns, rows);
        }

        private Optional<WeightMatrix> optionalMatrix(String name, int columns, int rows) {
            return file.findTensor(name).map(t -> toMatrix(t, columns, rows));
        }

        private WeightMatrix toMatrix(GgufTensorInfo t, int columns, int rows) {
            checkType(t);
            long actualRows = t.rowCount();
            if (t.dims().size() != 2 || t.rowLength() != columns || (rows >= 0 && actualRows != rows)
                    || actualRows > Integer.MAX_VALUE) {
                throw bad("tensor '" + t.name() + "' has shape " + t.dims() + ", expected ["
                        + columns + ", " + (rows >= 0 ? rows : "n") + "]");
            }
            return new WeightMatrix(t.type(), file.tensorData(t.name()), (int) actualRows, columns);
        }

        private double[] vector(GgufTensorInfo t, int length) {
            checkType(t);
            if (t.elementCount() != length) {
                throw bad("tensor '" + t.name() + "' has shape " + t.dims() + ", expected [" + length + "]");
            }
            float[] values = file.dequantize(t.name());
            double[] out = new double[length];
            for (int i = 0; i < length; i++) {
                out[i] = values[i];
            }
            return out;
        }

        private GgufTensorInfo required(String name) {
            return file.findTensor(name).orElseThrow(() -> bad("missing tensor '" + name + "'"));
        }

        private void checkType(GgufTensorInfo t) {
            if (!GgmlQuants.SUPPORTED.contains(t.type())) {
                throw bad("tensor '" + t.name() + "' has type " + t.type() + ", which the reference engine does not"
                        + " read (supported: " + GgmlQuants.SUPPORTED + ")");
            }
        }

        private BadInputException bad(String problem) {
            return new BadInputException(file.path() + ": " + problem);
        }
    }
}
