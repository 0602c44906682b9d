package dev.logitparity.llama;

import dev.logitparity.BadInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every context setting that changes llama.cpp's numbers, pinned rather than left to its defaults.
 *
 * @param contextLength  KV cache size in tokens (prompt + generated)
 * @param batch          logical batch: the prompt is decoded in chunks of this many tokens
 * @param microBatch     physical batch (n_ubatch)
 * @param threads        threads for single-token decode
 * @param threadsBatch   threads for prompt (multi-token) decode
 * @param flashAttention on/off; "auto" is refused here because its outcome is not visible to the caller
 * @param kvType         KV cache element type
 */
public record ContextSettings(int contextLength, int batch, int microBatch, int threads, int threadsBatch,
                              boolean flashAttention, KvType kvType) {

    /** Element type of the K and V caches; llama.cpp's default is F16, an fp32 runtime's is in effect F32. */
    public enum KvType { F16, F32, Q8_0 }

    public ContextSettings {
        BadInputException.requireAtLeastOne("context length", contextLength);
        BadInputException.requireAtLeastOne("batch", batch);
        BadInputException.requireAtLeastOne("micro-batch", microBatch);
        BadInputException.requireAtLeastOne("threads", threads);
        BadInputException.requireAtLeastOne("batch threads", threadsBatch);
        if (kvType == KvType.Q8_0 && !flashAttention) {
            // llama.cpp refuses a quantised V cache without flash attention; say so before it does
            throw new BadInputException("a q8_0 KV cache needs flash attention on");
        }
    }

    /**
     * Threads default to the available processors: llama.cpp's own default of 4 oversubscribes its spin barriers on a
     * 2-core machine and runs ~100x slower. Flash attention on, as llama.cpp's "auto" resolves on CPU.
     */
    public static ContextSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ContextSettings(1024, 512, 512, cores, cores, true, KvType.F16);
    }

    public ContextSettings withThreads(int n) {
        return new ContextSettings(contextLength, batch, microBatch, n, n, flashAttention, kvType);
    }

    public ContextSettings withBatch(int n) {
        return new ContextSettings(contextLength, n, Math.min(microBatch, n), threads, threadsBatch, flashAttention,
                kvType);
    }

    public ContextSettings withFlashAttention(boolean on) {
        return new ContextSettings(contextLength, batch, microBatch, threads, threadsBatch, on, kvType);
    }

    public ContextSettings withKvType(KvType type) {
        return new ContextSettings(contextLength, batch, microBatch, threads, threadsBatch, flashAttention, type);
    }

    /**
     * These settings with a context no longer than {@code model} was trained for (llama.cpp warns about a longer one,
     * and positions beyond it are untrained), unless the run needs {@code needed} positions, which it then gets.
     */
    public ContextSettings fittedTo(LlamaModel model, int needed) {
        int trained = model.trainedContext().orElse(contextLength);
        return withContextLength(Math.max(needed, Math.min(contextLength, trained)));
    }

    /**
     * The settings under which llama.cpp computes as an fp32 runtime does (PyTorch, an fp32 port): F32 KV cache and
     * flash attention off, whose CPU kernel rounds Q and the softmax accumulation through F16.
     */
    public ContextSettings exact() {
        return withFlashAttention(false).withKvType(KvType.F32);
    }

    public ContextSettings withContextLength(int n) {
        return new ContextSettings(n, batch, microBatch, threads, threadsBatch, flashAttention, kvType);
    }

    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("n_ctx", Integer.toString(contextLength));
        out.put("n_batch", Integer.toString(batch));
        out.put("n_ubatch", Integer.toString(microBatch));
        out.put("n_threads", Integer.toString(threads));
        out.put("n_threads_batch", Integer.toString(threadsBatch));
        out.put("flash_attn", flashAttention ? "on" : "off");
        out.put("type_k", kvType.name().toLowerCase());
        out.put("type_v", kvType.name().toLowerCase());
        return out;
    }
}
