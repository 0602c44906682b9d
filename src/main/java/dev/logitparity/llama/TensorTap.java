package dev.logitparity.llama;

import dev.logitparity.llama.ffi.ggml_backend_sched_eval_callback;
import dev.logitparity.llama.ffi.ggml_tensor;
import dev.logitparity.llama.ffi.llama_h;
import dev.logitparity.trace.TensorSink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * llama.cpp's graph evaluation callback ({@code cb_eval}), installed only on contexts made for localisation: a
 * context without it pays nothing. While a {@link TensorSink} is set, the scheduler stops after each tensor the sink
 * wants and this copies the tensor's last token out ({@code ggml_backend_tensor_get}, F32/F16/BF16 to double).
 * <p>
 * An exception must not escape an upcall (it would kill the JVM): the first one is kept and rethrown by
 * {@link #rethrow()} after the decode.
 */
final class TensorTap implements AutoCloseable {

    private static final Pattern PER_HEAD = Pattern.compile("[QKV]cur-\\d+");

    private final Arena arena = Arena.ofShared();
    private final MemorySegment stub;
    private volatile TensorSink sink;
    // the first tensor the sink took after it was set: it comes again first in every later graph
    private volatile String firstName;
    private volatile RuntimeException failure;

    TensorTap() {
        this.stub = ggml_backend_sched_eval_callback.allocate(this::evaluated, arena);
    }

    MemorySegment stub() {
        return stub;
    }

    void sink(TensorSink sink) {
        this.sink = sink;
        this.firstName = null;
        this.failure = null;
    }

    void rethrow() {
        RuntimeException e = failure;
        if (e != null) {
            failure = null;
            throw e;
        }
    }

    private boolean evaluated(MemorySegment t, boolean ask, MemorySegment userData) {
        TensorSink current = sink;
        if (current == null) {
            return !ask;
        }
        try {
            MemorySegment tensor = t.reinterpret(ggml_tensor.sizeof());
            String name = name(tensor);
            if (ask) {
                return current.wants(name);
            }
            double[] values = lastToken(tensor, name);
            if (values == null) {
                return true;
            }
            if (firstName == null) {
                firstName = name;
            } else if (firstName.equals(name)) {
                current.newGraph();
            }
            current.accept(name, values);
        } catch (RuntimeException | Error e) {
            if (failure == null) {
                failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
        return true;
    }

    private static String name(MemorySegment tensor) {
        MemorySegment bytes = ggml_tensor.name(tensor);
        int length = 0;
        while (length < bytes.byteSize() && bytes.get(ValueLayout.JAVA_BYTE, length) != 0) {
            length++;
        }
        return new String(bytes.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    /**
     * The elements of the graph's last token. The named activations are [n, tokens] (norms, sums, projections,
     * logits) or [head length, heads, tokens] (Qcur, Kcur, Vcur, by name: one token leaves no trace of it). The last
     * layer keeps only the output rows, so its token axis may be shorter than the graph's: its last row is still the
     * last token's. Null for a type that is not a float, or an empty tensor (a micro-batch without outputs).
     */
    private static double[] lastToken(MemorySegment tensor, String name) {
        int type = ggml_tensor.type(tensor);
        long elementSize = switch (type) {
            case llama_h.GGML_TYPE_F32 -> 4;
            case llama_h.GGML_TYPE_F16, llama_h.GGML_TYPE_BF16 -> 2;
            default -> 0;
        };
        long[] ne = new long[4];
        long[] nb = new long[4];
        long span = elementSize;
        for (int d = 0; d < 4; d++) {
            ne[d] = ggml_tensor.ne(tensor, d);
            nb[d] = ggml_tensor.nb(tensor, d);
            span += (ne[d] - 1) * nb[d];
        }
        if (elementSize == 0 || ne[0] * ne[1] * ne[2] * ne[3] == 0) {
            return null;
        }
        int tokenAxis = PER_HEAD.matcher(name).matches() ? 2 : 1;
        long[] count = ne.clone();
        long base = (ne[tokenAxis] - 1) * nb[tokenAxis];
        count[tokenAxis] = 1;
        double[] out = new double[Math.toIntExact(count[0] * count[1] * count[2] * count[3])];
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment data = scratch.allocate(span, 8);
            llama_h.ggml_backend_tensor_get(tensor, data, 0, span);
            int i = 0;
            for (long i3 = 0; i3 < count[3]; i3++) {
                for (long i2 = 0; i2 < count[2]; i2++) {
                    for (long i1 = 0; i1 < count[1]; i1++) {
                        long row = base + i1 * nb[1] + i2 * nb[2] + i3 * nb[3];
                        for (long i0 = 0; i0 < count[0]; i0++) {
                            out[i++] = element(data, row + i0 * nb[0], type);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double element(MemorySegment data, long offset, int type) {
        return switch (type) {
            case llama_h.GGML_TYPE_F32 -> data.get(ValueLayout.JAVA_FLOAT_UNALIGNED, offset);
            case llama_h.GGML_TYPE_F16 -> Float.float16ToFloat(data.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset));
            default -> Float.intBitsToFloat(data.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset) << 16);
        };
    }

    /** Frees the upcall stub; only after llama_free, which is the last that may call it. */
    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
