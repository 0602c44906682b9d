package dev.logitparity.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a GGML_ASSERT does to this process. ggml then aborts, and nothing can resume the JVM; by default it also forks
 * gdb, whose backtrace lands on stdout (a {@code --json} report with it is no longer JSON). Instead ggml's abort
 * callback prints one line to stderr naming the models in use and the assertion, runs the given clean-up, and ends
 * the process with {@link #EXIT_STATUS}. Only a child process survives an abort: see the matrix, which runs each cell
 * in one.
 *
 * <p>{@code ggml_set_abort_callback} (ggml.h), {@code setenv} and {@code _exit} (libc) are bound here directly rather
 * than in {@code bindings/}, which mirrors llama.h.
 */
final class NativeAbort {

    /** The CLI's "internal error": llama.cpp failing is not a verdict about the models. */
    static final int EXIT_STATUS = 3;

    private static final Linker LINKER = Linker.nativeLinker();

    // a model loaded twice is in use until both are closed
    private final Map<Path, Integer> modelsInUse = new ConcurrentHashMap<>();
    private final AtomicBoolean aborting = new AtomicBoolean();
    private final Runnable cleanUp;

    NativeAbort(Runnable cleanUp) {
        this.cleanUp = cleanUp;
    }

    /**
     * Installs the callback for the rest of the JVM's life, and sets {@code GGML_NO_BACKTRACE} for ggml's other path
     * to a backtrace (its C++ terminate handler).
     */
    void install() {
        try {
            MethodHandle setenv = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("setenv"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            try (Arena arena = Arena.ofConfined()) {
                int ignored = (int) setenv.invokeExact(arena.allocateFrom("GGML_NO_BACKTRACE"),
                        arena.allocateFrom("1"), 0);
            }
            MethodHandle onAbort = MethodHandles.lookup().bind(this, "onAbort",
                    MethodType.methodType(void.class, MemorySegment.class));
            MemorySegment stub = LINKER.upcallStub(onAbort, FunctionDescriptor.ofVoid(ValueLayout.ADDRESS),
                    Arena.global());
            MethodHandle set = LINKER.downcallHandle(SymbolLookup.loaderLookup().findOrThrow("ggml_set_abort_callback"),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            MemorySegment previous = (MemorySegment) set.invokeExact(stub);
        } catch (Throwable t) {
            throw new LlamaException("cannot install ggml's abort callback: " + t);
        }
    }

    void opened(Path model) {
        modelsInUse.merge(model, 1, Integer::sum);
    }

    void closed(Path model) {
        modelsInUse.computeIfPresent(model, (path, count) -> count == 1 ? null : count - 1);
    }

    /** One line naming the models and the assertion, e.g. {@code GGML_ASSERT(eps >= 0.0f) failed (ggml-cpu/ops.cpp:3843)}. */
    static String describe(String ggmlMessage, List<Path> models) {
        // ggml's message is "<build path>/<file>:<line>: <assertion>"; the build machine's folders say nothing
        String location = "";
        String what = ggmlMessage.strip();
        int sep = what.indexOf(": ");
        if (sep > 0) {
            Path file = Path.of(what.substring(0, sep));
            int n = file.getNameCount();
            location = " (" + (n >= 2 ? file.subpath(n - 2, n) : file) + ")";
            what = what.substring(sep + 2);
        }
        String on = models.isEmpty() ? "" : " on " + String.join(", ", models.stream().map(Path::toString).toList());
        return "divergence-locate: llama.cpp aborted" + on + ": " + what + location;
    }

    private void onAbort(MemorySegment message) {
        // An exception escaping an upcall kills the JVM, and ggml calls abort() right after: end it here ourselves.
        try {
            if (aborting.compareAndSet(false, true)) {
                String text = message.reinterpret(4096).getString(0);
                System.err.println(describe(text, List.copyOf(modelsInUse.keySet())));
                System.err.flush();
                cleanUp.run();
                exit(EXIT_STATUS);
            }
            // another ggml thread hit the same assertion: the first one is ending the process
            Thread.sleep(Long.MAX_VALUE);
        } catch (Throwable t) {
            exit(EXIT_STATUS);
        }
    }

    // _exit, not System.exit: shutdown hooks and C++ static destructors would run while ggml's threads are mid-graph.
    private static void exit(int status) {
        try {
            MethodHandle exit = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("_exit"),
                    FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
            exit.invokeExact(status);
        } catch (Throwable t) {
            Runtime.getRuntime().halt(status);
        }
    }
}
