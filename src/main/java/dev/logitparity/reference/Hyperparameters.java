package dev.logitparity.reference;

import dev.logitparity.BadInputException;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufValue;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The shape and constants of a model, from its GGUF metadata with llama.cpp's defaults for the optional keys
 * ({@code llama_model::load_hparams}).
 *
 * @param embeddingLength   n_embd
 * @param blockCount        n_layer
 * @param headCount         n_head
 * @param headCountKv       n_head_kv (grouped-query attention when below n_head)
 * @param feedForwardLength n_ff
 * @param headLength        n_embd_head: {@code attention.key_length}, default n_embd / n_head
 * @param ropeDimensions    n_rot: {@code rope.dimension_count}, default the head length
 * @param ropeFreqBase      {@code rope.freq_base}, default 10000
 * @param normEpsilon       the architecture's norm epsilon
 * @param contextLength     n_ctx_train
 */
public record Hyperparameters(int embeddingLength, int blockCount, int headCount, int headCountKv,
                              int feedForwardLength, int headLength, int ropeDimensions, double ropeFreqBase,
                              double normEpsilon, int contextLength) {

    private static final double DEFAULT_ROPE_FREQ_BASE = 10_000;

    /**
     * Keys that change llama.cpp's arithmetic in ways the engine does not implement, with the value that leaves it
     * unchanged. A file that sets one to anything else is refused rather than answered wrongly.
     */
    private static final Map<String, Double> NEUTRAL_NUMBERS = Map.of(
            "rope.scaling.factor", 1.0,
            "attention.scale", 0.0,
            "attention.clamp_kqv", 0.0,
            "expert_count", 0.0,
            "attn_logit_softcapping", 0.0,
            "final_logit_softcapping", 0.0);
    private static final String ROPE_SCALING_TYPE = "rope.scaling.type";

    /** Width of K and of V: n_embd_gqa. */
    public int kvLength() {
        return headLength * headCountKv;
    }

    /** Width of Q and of the attention output: n_head · n_embd_head. */
    public int queryLength() {
        return headLength * headCount;
    }

    static Hyperparameters read(GgufFile file, ReferenceArchitecture arch) {
        MetadataReader in = new MetadataReader(file, arch.ggufName() + ".");
        in.refuseUnsupported();
        int embd = in.positiveInt("embedding_length").orElseThrow(() -> in.missing("embedding_length"));
        int heads = in.positiveInt("attention.head_count").orElseThrow(() -> in.missing("attention.head_count"));
        int kvHeads = in.positiveInt("attention.head_count_kv").orElse(heads);
        int headLength = in.positiveInt("attention.key_length").orElse(embd / heads);
        int valueLength = in.positiveInt("attention.value_length").orElse(headLength);
        if (valueLength != headLength) {
            throw in.bad("key length " + headLength + " differs from value length " + valueLength
                    + ", which the reference engine does not implement");
        }
        if (heads % kvHeads != 0) {
            throw in.bad(heads + " heads do not divide into " + kvHeads + " KV heads");
        }
        int rot = in.positiveInt("rope.dimension_count").orElse(headLength);
        if (rot > headLength || rot % 2 != 0) {
            throw in.bad("rope.dimension_count " + rot + " must be even and at most the head length " + headLength);
        }
        return new Hyperparameters(embd,
                in.positiveInt("block_count").orElseThrow(() -> in.missing("block_count")),
                heads, kvHeads,
                in.positiveInt("feed_forward_length").orElseThrow(() -> in.missing("feed_forward_length")),
                headLength, rot,
                in.real("rope.freq_base").orElse(DEFAULT_ROPE_FREQ_BASE),
                in.real(arch.normEpsilonKey()).orElseThrow(() -> in.missing(arch.normEpsilonKey())),
                in.positiveInt("context_length").orElseThrow(() -> in.missing("context_length")));
    }

    /** Reads {@code <arch>.<key>} values, turning absent or mistyped ones into one-line {@link BadInputException}s. */
    private record MetadataReader(GgufFile file, String prefix) {

        Optional<Integer> positiveInt(String key) {
            return value(key).map(v -> {
                long n = convert(key, v::asLong);
                if (n < 1 || n > Integer.MAX_VALUE) {
                    throw bad("'" + prefix + key + "' is " + n + ", not a positive int");
                }
                return (int) n;
            });
        }

        Optional<Double> real(String key) {
            return value(key).map(v -> convert(key, v::asDouble));
        }

        void refuseUnsupported() {
            NEUTRAL_NUMBERS.forEach((key, neutral) -> real(key).filter(v -> v.doubleValue() != neutral)
                    .ifPresent(v -> {
                        throw unsupported(key, v.toString());
                    }));
            value(ROPE_SCALING_TYPE).map(v -> convert(ROPE_SCALING_TYPE, v::asString)).filter(v -> !v.equals("none"))
                    .ifPresent(v -> {
                        throw unsupported(ROPE_SCALING_TYPE, v);
                    });
        }

        private BadInputException unsupported(String key, String value) {
            return bad("'" + prefix + key + "' is " + value + ", which the reference engine does not implement");
        }

        BadInputException missing(String key) {
            return bad("missing metadata key '" + prefix + key + "'");
        }

        BadInputException bad(String problem) {
            return new BadInputException(file.path() + ": " + problem);
        }

        private Optional<GgufValue> value(String key) {
            return file.find(prefix + key);
        }

        private <T> T convert(String key, Supplier<T> getter) {
            try {
                return getter.get();
            } catch (IllegalStateException e) {
                throw bad("'" + prefix + key + "': " + e.getMessage());
            }
        }
    }
}
