package dev.logitparity.llama;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufFormatException;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.gguf.GgufValue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What llama.cpp asserts on instead of refusing, checked in Java before it sees the file: a GGML_ASSERT aborts the
 * whole process. The structure (offsets, sizes, name lengths) is {@link GgufFile}'s; this adds the hyperparameters
 * and the tensor types its CPU ops accept.
 */
final class LoadPrecheck {

    /**
     * {@code -Dlogitparity.precheck=off} skips these checks, for a model they refuse wrongly: llama.cpp may then
     * abort the process. Child JVMs inherit it.
     */
    static final String SWITCH = "logitparity.precheck";

    private static final Pattern LAYER = Pattern.compile("blk\\.(\\d+)\\..*");
    // integer element types: no CPU matmul, get_rows or binary op computes with them
    private static final Set<GgmlType> NOT_WEIGHTS = EnumSet.of(GgmlType.I8, GgmlType.I16, GgmlType.I32,
            GgmlType.I64, GgmlType.F64);

    private LoadPrecheck() {
    }

    static void check(GgufFile gguf) {
        Optional<String> arch = gguf.find("general.architecture").filter(v -> v instanceof GgufValue.Str)
                .map(GgufValue::asString);
        if (arch.isPresent()) {
            checkHyperparameters(gguf, arch.get());
        }
        checkTensorTypes(gguf);
    }

    private static void checkHyperparameters(GgufFile gguf, String arch) {
        int layers = layersPresent(gguf);
        integer(gguf, arch + ".block_count").ifPresent(n -> {
            if (n < 1 || n > layers) {
                throw problem(gguf, arch + ".block_count is " + n + " but the file has tensors for " + layers
                        + " layers");
            }
        });
        atLeastOne(gguf, arch + ".embedding_length");
        atLeastOne(gguf, arch + ".attention.head_count");
        atLeastOne(gguf, arch + ".attention.head_count_kv");
        Optional<Long> heads = integer(gguf, arch + ".attention.head_count");
        Optional<Long> kvHeads = integer(gguf, arch + ".attention.head_count_kv");
        if (heads.isPresent() && kvHeads.isPresent() && heads.get() % kvHeads.get() != 0) {
            throw problem(gguf, arch + ".attention.head_count " + heads.get() + " is not a multiple of head_count_kv "
                    + kvHeads.get());
        }
        for (String eps : new String[] {"layer_norm_epsilon", "layer_norm_rms_epsilon"}) {
            String key = arch + ".attention." + eps;
            gguf.find(key).filter(v -> v instanceof GgufValue.Real || v instanceof GgufValue.Int).ifPresent(v -> {
                double value = v.asDouble();
                if (!Double.isFinite(value) || value < 0) {
                    throw problem(gguf, key + " is " + value + " (must be finite and >= 0)");
                }
            });
        }
    }

    /** Norm weights and biases are added to or multiplied with F32 activations: ggml's CPU ops need them F32. */
    private static void checkTensorTypes(GgufFile gguf) {
        for (GgufTensorInfo t : gguf.tensors()) {
            if (t.dims().size() == 1 && t.type() != GgmlType.F32) {
                throw problem(gguf, "tensor '" + t.name() + "' is " + t.type()
                        + "; llama.cpp's CPU ops need one-dimensional tensors (norms, biases) as F32");
            }
            if (NOT_WEIGHTS.contains(t.type())) {
                throw problem(gguf, "tensor '" + t.name() + "' is " + t.type() + ", not a type llama.cpp computes with");
            }
        }
    }

    private static int layersPresent(GgufFile gguf) {
        Set<Integer> layers = new TreeSet<>();
        for (GgufTensorInfo t : gguf.tensors()) {
            Matcher m = LAYER.matcher(t.name());
            if (m.matches() && m.group(1).length() < 9) {
                layers.add(Integer.parseInt(m.group(1)));
            }
        }
        return layers.size();
    }

    private static void atLeastOne(GgufFile gguf, String key) {
        gguf.find(key).ifPresent(v -> {
            long[] values = switch (v) {
                case GgufValue.Int i -> new long[] {i.value()};
                case GgufValue.IntArray a -> a.values();
                default -> throw problem(gguf, key + " is " + v.describeType() + ", not an integer");
            };
            for (long value : values) {
                if (value < 1) {
                    throw problem(gguf, key + " is " + value + " (must be at least 1)");
                }
            }
        });
    }

    private static Optional<Long> integer(GgufFile gguf, String key) {
        return gguf.find(key).filter(v -> v instanceof GgufValue.Int).map(GgufValue::asLong);
    }

    private static GgufFormatException problem(GgufFile gguf, String text) {
        return new GgufFormatException(gguf.path(), text);
    }
}
