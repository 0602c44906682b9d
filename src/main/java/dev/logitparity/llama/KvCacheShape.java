package dev.logitparity.llama;

import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufValue;

import java.util.Optional;

/**
 * What a context's KV cache costs per token, from the GGUF's hyperparameters: K and V of {@code layers} layers, each
 * {@code kvHeads * headDim} wide. It lets a huge {@code --ctx} be refused before llama.cpp tries to allocate it
 * (the kernel kills the process, with no message, once memory runs out).
 */
record KvCacheShape(long layers, long kvWidth) {

    /** Empty when the file lacks the keys: llama.cpp then refuses the model itself. */
    static Optional<KvCacheShape> of(GgufFile gguf) {
        Optional<String> arch = gguf.find("general.architecture").filter(v -> v instanceof GgufValue.Str)
                .map(GgufValue::asString);
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        String a = arch.get();
        Optional<Long> layers = integer(gguf, a + ".block_count");
        Optional<Long> embedding = integer(gguf, a + ".embedding_length");
        Optional<Long> heads = integer(gguf, a + ".attention.head_count");
        if (layers.isEmpty() || embedding.isEmpty() || heads.isEmpty() || heads.get() < 1) {
            return Optional.empty();
        }
        long kvHeads = integer(gguf, a + ".attention.head_count_kv").orElse(heads.get());
        long headDim = integer(gguf, a + ".attention.key_length").orElse(embedding.get() / heads.get());
        return Optional.of(new KvCacheShape(layers.get(), kvHeads * headDim));
    }

    /** Bytes of K plus V for {@code tokens} tokens at {@code bytesPerValue}. */
    double bytes(long tokens, int bytesPerValue) {
        return 2.0 * layers * kvWidth * tokens * bytesPerValue;
    }

    private static Optional<Long> integer(GgufFile gguf, String key) {
        return gguf.find(key).filter(v -> v instanceof GgufValue.Int).map(GgufValue::asLong);
    }
}
