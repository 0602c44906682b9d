package dev.logitparity.judge;

import dev.logitparity.trace.Trace;

import java.util.List;

/**
 * The two sides of a comparison, each step seen in the same context: one side was teacher-forced on the other's
 * tokens, so metrics stay meaningful past the first divergence.
 *
 * @param llama  side A: llama.cpp through the bridge
 * @param other  side B: the other runtime, model, setting or reference
 * @param notes  how the pair was made, for the report (e.g. "B teacher-forced on A's tokens")
 */
public record TracePair(Trace llama, Trace other, List<String> notes) implements AutoCloseable {

    public TracePair {
        notes = List.copyOf(notes);
    }

    /** Closes both, even when closing one throws (the other's failure is then suppressed into it). */
    @Override
    public void close() {
        try (Trace b = other; Trace a = llama) {
            // try-with-resources does the closing and the suppression
        }
    }
}
