package dev.logitparity.llama;

import dev.logitparity.llama.ffi.llama_h;

import java.lang.foreign.MemorySegment;

/** llama.cpp's own greedy sampler ({@code llama_sampler_init_greedy}): the arbiter for our argmax. */
public final class GreedySampler implements AutoCloseable {

    private final MemorySegment handle = llama_h.llama_sampler_init_greedy();
    private boolean closed;

    /** The token llama's sampler picks from the last decoded position of {@code context}. */
    public synchronized int sample(LlamaContext context) {
        if (closed) {
            throw new IllegalStateException("greedy sampler is closed");
        }
        return llama_h.llama_sampler_sample(handle, context.handle(), -1);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            llama_h.llama_sampler_free(handle);
        }
    }
}
