package dev.logitparity.llama;

import dev.logitparity.llama.ffi.ggml_log_callback;
import dev.logitparity.llama.ffi.llama_h;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Routes llama.cpp / ggml log output to the JVM logger {@code llama.cpp}. Model-load chatter (llama's INFO) becomes
 * DEBUG so the library is quiet by default; warnings and errors keep their level. The last error lines are kept so a
 * failed load can say why in its exception message instead of leaving the reason on stderr.
 */
final class NativeLog {

    private static final Logger LOGGER = System.getLogger("llama.cpp");
    private static final int KEPT_ERRORS = 8;

    private final Deque<String> recentErrors = new ArrayDeque<>();
    private final StringBuilder pending = new StringBuilder();
    private int pendingLevel = llama_h.GGML_LOG_LEVEL_INFO;

    /** Registers the upcall for the rest of the JVM's life: llama may log from any thread at any time. */
    void install() {
        MemorySegment stub = ggml_log_callback.allocate(this::onMessage, Arena.global());
        llama_h.llama_log_set(stub, MemorySegment.NULL);
    }

    /** Forgets earlier errors, so that {@link #firstError()} after a call speaks of that call. */
    synchronized void clearErrors() {
        recentErrors.clear();
    }

    /** The first error or warning line llama logged since {@link #clearErrors()}: the cause, not its echoes. */
    synchronized String firstError() {
        return recentErrors.isEmpty() ? "no reason logged" : recentErrors.peekFirst();
    }

    private void onMessage(int level, MemorySegment text, MemorySegment userData) {
        // An exception escaping an upcall kills the JVM.
        try {
            append(level, text.reinterpret(Long.MAX_VALUE).getString(0));
        } catch (Throwable t) {
            LOGGER.log(Level.WARNING, "dropped a llama.cpp log message", t);
        }
    }

    // llama logs a line in several calls (GGML_LOG_LEVEL_CONT continues the previous one); emit whole lines.
    private synchronized void append(int level, String fragment) {
        if (level != llama_h.GGML_LOG_LEVEL_CONT) {
            pendingLevel = level;
        }
        pending.append(fragment);
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, newline).strip();
            pending.delete(0, newline + 1);
            if (!line.isEmpty()) {
                emit(pendingLevel, line);
            }
        }
    }

    private void emit(int level, String line) {
        if (level == llama_h.GGML_LOG_LEVEL_ERROR || level == llama_h.GGML_LOG_LEVEL_WARN) {
            recentErrors.addLast(line);
            if (recentErrors.size() > KEPT_ERRORS) {
                recentErrors.removeFirst();
            }
        }
        LOGGER.log(jvmLevel(level), line);
    }

    private static Level jvmLevel(int level) {
        return switch (level) {
            case llama_h.GGML_LOG_LEVEL_ERROR -> Level.ERROR;
            case llama_h.GGML_LOG_LEVEL_WARN -> Level.WARNING;
            case llama_h.GGML_LOG_LEVEL_INFO -> Level.DEBUG;
            default -> Level.TRACE;
        };
    }
}
