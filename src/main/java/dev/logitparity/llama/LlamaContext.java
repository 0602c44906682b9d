package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.llama.ffi.llama_batch;
import dev.logitparity.llama.ffi.llama_context_params;
import dev.logitparity.llama.ffi.llama_h;
import dev.logitparity.trace.TensorSink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.Map;

/**
 * One inference context (KV cache + compute buffers) on a model.
 * <p>
 * Threads: one lock. Every call that reaches llama.cpp holds this context's monitor, so calls from several threads are
 * serialised, never concurrent (llama.cpp allows one caller per context), and {@link #close()} may come from any
 * thread, e.g. a shutdown hook while a decode runs on another: it waits for that decode. That is why the arena is
 * shared rather than confined. Closing is idempotent; a closed context throws {@link IllegalStateException}.
 */
public final class LlamaContext implements AutoCloseable {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private final LlamaModel model;
    private final ContextSettings settings;
    private final MemorySegment handle;
    private final int vocabSize;
    // llama.cpp may lower n_batch (it caps it to n_ctx): chunk by what it applied, or it aborts the process.
    private final int batchSize;
    private final Arena arena = Arena.ofShared();
    // Reused every step so decoding allocates nothing: the tokens llama_batch points at, and the by-value batch.
    private final MemorySegment tokenBuffer;
    private final SegmentAllocator batchSlot;
    private final TensorTap tap;
    private boolean closed;

    private LlamaContext(LlamaModel model, ContextSettings settings, MemorySegment handle, TensorTap tap) {
        this.model = model;
        this.tap = tap;
        this.settings = settings;
        this.handle = handle;
        this.vocabSize = model.vocab().size();
        this.batchSize = llama_h.llama_n_batch(handle);
        this.tokenBuffer = arena.allocate(ValueLayout.JAVA_INT, batchSize);
        this.batchSlot = SegmentAllocator.prefixAllocator(arena.allocate(llama_batch.layout()));
    }

    /** {@code tapped}: with the graph callback that shows intermediates ({@link #tap}); costs a little per node. */
    static LlamaContext create(LlamaModel model, ContextSettings settings, boolean tapped) {
        checkBounds(model, settings);
        TensorTap tap = tapped ? new TensorTap() : null;
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment params = llama_h.llama_context_default_params(scratch);
            llama_context_params.n_ctx(params, settings.contextLength());
            llama_context_params.n_batch(params, settings.batch());
            llama_context_params.n_ubatch(params, settings.microBatch());
            llama_context_params.n_threads(params, settings.threads());
            llama_context_params.n_threads_batch(params, settings.threadsBatch());
            llama_context_params.flash_attn_type(params, settings.flashAttention()
                    ? llama_h.LLAMA_FLASH_ATTN_TYPE_ENABLED : llama_h.LLAMA_FLASH_ATTN_TYPE_DISABLED);
            int kv = switch (settings.kvType()) {
                case F32 -> llama_h.GGML_TYPE_F32;
                case F16 -> llama_h.GGML_TYPE_F16;
                case Q8_0 -> llama_h.GGML_TYPE_Q8_0;
            };
            llama_context_params.type_k(params, kv);
            llama_context_params.type_v(params, kv);
            if (tap != null) {
                llama_context_params.cb_eval(params, tap.stub());
            }
            model.library().log().clearErrors();
            MemorySegment handle = llama_h.llama_init_from_model(model.handle(), params);
            if (handle.equals(MemorySegment.NULL)) {
                if (tap != null) {
                    tap.close();
                }
                throw new LlamaException(model.path() + ": llama.cpp could not create a context with " + settings
                        + ": " + model.library().log().firstError());
            }
            return new LlamaContext(model, settings, handle, tap);
        }
    }

    /** What llama.cpp would take without a word: threads it spins on, a KV cache the kernel then kills it for. */
    private static void checkBounds(LlamaModel model, ContextSettings settings) {
        int processors = Runtime.getRuntime().availableProcessors();
        int threads = Math.max(settings.threads(), settings.threadsBatch());
        if (threads > processors) {
            throw new BadInputException("--threads " + threads + " is more than the " + processors
                    + " available processors (ggml's threads spin-wait: oversubscribed, decoding slows down up to "
                    + "100x)");
        }
        int bytesPerValue = settings.kvType() == ContextSettings.KvType.F32 ? 4 : 2;
        model.kvCacheShape().ifPresent(kv -> AvailableMemory.bytes().ifPresent(available -> {
            double needed = kv.bytes(settings.contextLength(), bytesPerValue);
            if (needed > available) {
                throw new BadInputException(String.format(Locale.ROOT, "--ctx %d: the KV cache would need %.1f GiB "
                                + "(per token: %d layers x %d values x 2 (K, V) x %d bytes), more than the %.1f GiB "
                                + "of memory available", settings.contextLength(), needed / GIB, kv.layers(),
                        kv.kvWidth(), bytesPerValue, available / GIB));
            }
        }));
    }

    public ContextSettings settings() {
        return settings;
    }

    public LlamaModel model() {
        return model;
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** Settings as llama.cpp applied them (it may round n_ctx up), for the trace record. */
    public synchronized Map<String, String> describe() {
        Map<String, String> out = settings.describe();
        out.put("n_ctx", Integer.toString(llama_h.llama_n_ctx(handle())));
        out.put("n_batch", Integer.toString(llama_h.llama_n_batch(handle())));
        out.put("n_ubatch", Integer.toString(llama_h.llama_n_ubatch(handle())));
        return out;
    }

    /** Context size in tokens as llama.cpp allocated it. */
    public synchronized int contextLength() {
        return llama_h.llama_n_ctx(handle());
    }

    /**
     * Appends tokens to sequence 0 at the next positions, in chunks of the logical batch; afterwards the logits of
     * the last token are available.
     */
    public synchronized void decode(int[] tokens) {
        MemorySegment ctx = handle();
        for (int start = 0; start < tokens.length; start += batchSize) {
            int n = Math.min(batchSize, tokens.length - start);
            MemorySegment.copy(tokens, start, tokenBuffer, ValueLayout.JAVA_INT, 0, n);
            MemorySegment batch = llama_h.llama_batch_get_one(batchSlot, tokenBuffer, n);
            int status = llama_h.llama_decode(ctx, batch);
            if (tap != null) {
                tap.rethrow();
            }
            if (status != 0) {
                throw new LlamaException(model.path() + ": llama_decode returned " + status + " ("
                        + (status == 1 ? "no KV slot: context of " + contextLength() + " tokens is full" : "failed")
                        + ")");
            }
        }
    }

    /** Copies the logits of the last decoded token into {@code dst} at once: llama reuses that memory next decode. */
    public synchronized void copyLastLogits(float[] dst) {
        if (dst.length < vocabSize) {
            throw new IllegalArgumentException("logits buffer holds " + dst.length + " floats, vocabulary is " + vocabSize);
        }
        MemorySegment logits = llama_h.llama_get_logits_ith(handle(), -1);
        if (logits.equals(MemorySegment.NULL)) {
            throw new LlamaException(model.path() + ": no logits available (nothing decoded yet)");
        }
        MemorySegment.copy(logits.reinterpret((long) vocabSize * Float.BYTES), ValueLayout.JAVA_FLOAT, 0,
                dst, 0, vocabSize);
    }

    /**
     * Sends the named intermediates of later decodes' last token to {@code sink} (null: stop).
     *
     * @throws IllegalStateException if this context was made without the graph callback
     */
    public synchronized void tap(TensorSink sink) {
        handle();
        if (tap == null) {
            throw new IllegalStateException(model.path() + ": this context was made without a tensor tap "
                    + "(LlamaModel.newTappedContext)");
        }
        tap.sink(sink);
    }

    /** Forgets every decoded token (KV cache data too), so the next decode starts at position 0. */
    public synchronized void clearMemory() {
        llama_h.llama_memory_clear(llama_h.llama_get_memory(handle()), true);
    }

    synchronized MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException(model.path() + ": context is closed");
        }
        return handle;
    }

    /**
     * Frees the context. The model's lock is taken only after this one is released: {@link LlamaModel#close()} takes
     * them in the other order, and two threads closing both would otherwise deadlock.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            llama_h.llama_free(handle);
            arena.close();
            if (tap != null) {
                tap.close();
            }
        }
        model.forget(this);
    }
}
