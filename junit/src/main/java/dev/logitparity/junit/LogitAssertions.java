package dev.logitparity.junit;

import dev.logitparity.trace.Trace;

/**
 * Tolerance-band assertions over traces, for JUnit 5 tests of a runtime against llama.cpp:
 * <pre>{@code
 * Trace mine = Traces.read(Path.of("target/myrt.jsonl"), gguf);
 * Trace llama = Traces.llamaCppOn(gguf, mine);
 * assertThat(mine).as("myrt, qwen2").within(Band.defaults()).hasNoBugAgainst(llama);
 * }</pre>
 * The call that names the other trace asserts at once (see {@link TraceAssert}). A failure is an
 * {@link org.opentest4j.AssertionFailedError} whose message is the divergence report: the verdict, the first divergent
 * step with both candidate tokens, each side's margin and the flip epsilon, the steps around it, and the tokens whose
 * log-probability moved most there.
 */
public final class LogitAssertions {

    private LogitAssertions() {
    }

    /** Starts an assertion about {@code actual}, typically the trace of the runtime under test. */
    @CheckReturnValue
    public static TraceAssert assertThat(Trace actual) {
        return TraceAssert.of(actual);
    }
}
