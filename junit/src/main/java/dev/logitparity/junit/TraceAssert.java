package dev.logitparity.junit;

import dev.logitparity.trace.Trace;

import java.util.Objects;

/** An assertion about one trace, waiting for the trace it should match. */
public final class TraceAssert {
    private final Trace actual;

    TraceAssert(Trace actual) {
        this.actual = Objects.requireNonNull(actual, "actual trace");
    }

    /**
     * Compares {@code actual} with {@code expected}, typically llama.cpp's trace of the same prompt: step by step, on
     * log-probabilities, within {@link dev.logitparity.compare.Band#defaults()} unless
     * {@link TraceMatchAssert#within(dev.logitparity.compare.Band) within} says otherwise.
     */
    public TraceMatchAssert matches(Trace expected) {
        return TraceMatchAssert.of(actual, Objects.requireNonNull(expected, "expected trace"));
    }
}
