// Generated in jextract's shape from ggml-backend.h of llama.cpp v0.4.0 (node-llama-cpp@3.21.1).

package dev.logitparity.llama.ffi;

import java.lang.foreign.*;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * {@snippet lang=c :
 * typedef bool (*ggml_backend_sched_eval_callback)(struct ggml_tensor *, bool, void *)
 * }
 */
public class ggml_backend_sched_eval_callback {

    ggml_backend_sched_eval_callback() {
        // Should not be called directly
    }

    /** The function pointer signature, expressed as a functional interface */
    public interface Function {
        boolean apply(MemorySegment t, boolean ask, MemorySegment user_data);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.of(
        llama_h.C_BOOL,
        llama_h.C_POINTER,
        llama_h.C_BOOL,
        llama_h.C_POINTER
    );

    /** The descriptor of this function pointer */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle UP$MH = upcallHandle(ggml_backend_sched_eval_callback.Function.class, "apply", $DESC);

    /**
     * Allocates a new upcall stub, whose implementation is defined by {@code fi}.
     * The lifetime of the returned segment is managed by {@code arena}
     */
    public static MemorySegment allocate(ggml_backend_sched_eval_callback.Function fi, Arena arena) {
        return Linker.nativeLinker().upcallStub(UP$MH.bindTo(fi), $DESC, arena);
    }

    private static MethodHandle upcallHandle(Class<?> fi, String name, FunctionDescriptor fdesc) {
        try {
            return MethodHandles.lookup().findVirtual(fi, name, fdesc.toMethodType());
        } catch (ReflectiveOperationException ex) {
            throw new AssertionError(ex);
        }
    }
}
