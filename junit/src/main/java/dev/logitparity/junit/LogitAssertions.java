package dev.logitparity.junit;

import dev.logitparity.trace.Trace;

/**
 * Tolerance-band assertions over traces, for JUnit 5 tests of a runtime against llama.cpp:
 * <pre>{@code
 * assertThat(myRuntimeTrace).matches(llamaTrace).within(Band.logprob(1e-3).kl(1e-4)).forSteps(32);
 * }</pre>
 * A failure is an {@link org.opentest4j.AssertionFailedError} whose message is the divergence report: the verdict,
 * the first divergent step with both candidate tokens, each side's margin and the flip epsilon, and the steps around it.
 */
public final class LogitAssertions {

    private LogitAssertions() {
    }

    /** Starts an assertion about {@code actual}, typically the trace of the runtime under test. */
    public static TraceAssert assertThat(Trace actual) {
        return new TraceAssert(actual);
    }
}
