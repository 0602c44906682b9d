package dev.logitparity.junit;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TextReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.compare.Verdict;
import dev.logitparity.trace.Trace;

import java.util.Objects;
import java.util.function.IntFunction;

import org.opentest4j.AssertionFailedError;

/**
 * Two traces that should match, and how closely: configure with {@link #within(Band)}, {@link #topK(int)} and
 * {@link #withPieces(IntFunction)}, then check with {@link #forSteps(int)} or {@link #forAllSteps()}. Immutable: each
 * setter returns a new assertion.
 *
 * <p>The comparison's side A is the reference that rates the other: {@code expected}, unless only {@code actual} has
 * logits. So KL is {@code KL(expected || actual)}, and a side that gives only tokens (an oracle, a runtime that prints
 * ids) is rated one-sided by the other's logits, whichever argument it is. The report's first line names both sides.
 * Traces that cannot be compared at all (neither has logits, or their vocabularies differ in size) are a usage error,
 * the core's {@link dev.logitparity.BadInputException}, not an assertion failure.
 */
public final class TraceMatchAssert {
    private static final IntFunction<String> TOKEN_IDS = id -> "#" + id;

    private final Trace actual;
    private final Trace expected;
    private final TraceComparator comparator;
    private final IntFunction<String> pieces;

    private TraceMatchAssert(Trace actual, Trace expected, TraceComparator comparator, IntFunction<String> pieces) {
        this.actual = actual;
        this.expected = expected;
        this.comparator = comparator;
        this.pieces = pieces;
    }

    static TraceMatchAssert of(Trace actual, Trace expected) {
        return new TraceMatchAssert(actual, expected, TraceComparator.within(Band.defaults()), TOKEN_IDS);
    }

    /** Compares within {@code band}, e.g. {@code Band.logprob(1e-3).kl(1e-4)}. */
    public TraceMatchAssert within(Band band) {
        TraceComparator banded = TraceComparator.within(Objects.requireNonNull(band, "band")).topK(comparator.topK());
        return new TraceMatchAssert(actual, expected, banded, pieces);
    }

    /** Reports the overlap of each step's top {@code k} tokens (default {@value TraceComparator#DEFAULT_TOP_K}). */
    public TraceMatchAssert topK(int k) {
        return new TraceMatchAssert(actual, expected, comparator.topK(k), pieces);
    }

    /** Spells token ids in the failure message, e.g. {@code model.vocab()::piece}; by default they read {@code #123}. */
    public TraceMatchAssert withPieces(IntFunction<String> pieces) {
        return new TraceMatchAssert(actual, expected, comparator, Objects.requireNonNull(pieces, "pieces"));
    }

    /**
     * Passes when the first {@code n} steps of both traces match within the band (verdict {@code IDENTICAL}).
     *
     * @throws AssertionFailedError     when either trace has fewer than {@code n} steps, or with the divergence report
     *                                  as its message when they do not match
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public void forSteps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("steps to compare must be at least 1, got " + n);
        }
        if (expected.steps() < n || actual.steps() < n) {
            throw new AssertionFailedError("cannot compare the first " + n + " steps: expected ("
                    + expected.info().label() + ") has " + expected.steps() + ", actual (" + actual.info().label()
                    + ") has " + actual.steps());
        }
        // Views over the first n rows: nothing to close, and the callers' traces stay open while they are read.
        check(actual.firstSteps(n), expected.firstSteps(n), "the first " + n + " steps");
    }

    /**
     * Passes when both traces have the same length and every step matches within the band.
     *
     * @throws AssertionFailedError with the divergence report as its message when they do not match
     */
    public void forAllSteps() {
        check(actual, expected, "all steps");
    }

    private void check(Trace actualSteps, Trace expectedSteps, String scope) {
        boolean expectedIsA = expectedSteps.logits().isPresent() || actualSteps.logits().isEmpty();
        DivergenceReport report = expectedIsA
                ? comparator.compare(expectedSteps, actualSteps)
                : comparator.compare(actualSteps, expectedSteps);
        if (report.summary().verdict() != Verdict.IDENTICAL) {
            throw new AssertionFailedError("traces do not match within the band over " + scope + " (A is "
                    + (expectedIsA ? "expected" : "actual") + "):\n" + TextReport.render(report, pieces));
        }
    }
}
