package dev.logitparity.junit;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.compare.Verdict;
import dev.logitparity.trace.Trace;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;

import org.opentest4j.AssertionFailedError;

/**
 * An assertion about one trace, AssertJ style: first say how to compare ({@link #as(String)}, {@link #within(Band)},
 * {@link #forSteps(int)}, {@link #topK(int)}, {@link #withPieces(IntFunction)}; each returns a new assertion), then
 * name the trace it is compared with, and that call asserts at once:
 * <pre>{@code
 * assertThat(mine).as("myrt on qwen2").within(band).forSteps(32).hasNoBugAgainst(llama);
 * }</pre>
 * Every method that takes the other trace compares and fails immediately, so no statement that names both traces can
 * be left without its check (the gap of a builder whose last call is forgotten). The three expectations, by verdict:
 * <ul>
 *   <li>{@link #matches(Trace)}: {@code IDENTICAL} only: the same choice at every step, each within the band;</li>
 *   <li>{@link #hasNoBugAgainst(Trace)}: {@code IDENTICAL} or {@code NEAR_TIE_FLIP}: a flip between two nearly tied
 *       tokens with every step before it within the band is numerical noise, not a bug; {@code LOGIT_MISMATCH},
 *       {@code DRIFT}, {@code TOKENIZATION} and {@code EARLY_STOP} fail;</li>
 *   <li>{@link #divergesFrom(Trace)}: anything but {@code IDENTICAL}, for tests that a broken build is caught.</li>
 * </ul>
 * Each returns a {@link ComparisonAssert} holding the {@link dev.logitparity.compare.DivergenceReport} for further
 * checks. A failure is an {@link AssertionFailedError} whose message is the divergence report. What is left that
 * checks nothing, a statement that starts or configures an assertion and stops ({@code assertThat(mine).within(band);}),
 * is marked {@link CheckReturnValue}, which Error Prone and IDEs report as an ignored result, as with AssertJ.
 *
 * <p>The comparison's side A is the reference that rates the other: the trace passed to the asserting call, unless
 * only this one has logits. So KL is {@code KL(expected || actual)}, and a side that gives only tokens (an oracle, a
 * runtime that prints ids) is rated one-sided by the other's logits, whichever argument it is. Traces that cannot be
 * compared at all (neither has logits, or their vocabularies differ in size) are a usage error, the core's
 * {@link dev.logitparity.BadInputException}, not an assertion failure.
 */
public final class TraceAssert {
    private static final IntFunction<String> TOKEN_IDS = id -> "#" + id;

    private final Trace actual;
    private final String description;
    private final TraceComparator comparator;
    private final IntFunction<String> pieces;
    /** Steps to compare from the start of both traces; 0 for all of them. */
    private final int steps;

    private TraceAssert(Trace actual, String description, TraceComparator comparator, IntFunction<String> pieces,
                        int steps) {
        this.actual = actual;
        this.description = description;
        this.comparator = comparator;
        this.pieces = pieces;
        this.steps = steps;
    }

    static TraceAssert of(Trace actual) {
        return new TraceAssert(Objects.requireNonNull(actual, "actual trace"), null,
                TraceComparator.within(Band.defaults()), TOKEN_IDS, 0);
    }

    /** Names the check in its failure message, e.g. the model and prompt of a parameterized case. */
    @CheckReturnValue
    public TraceAssert as(String newDescription) {
        return new TraceAssert(actual, Objects.requireNonNull(newDescription, "description"), comparator, pieces,
                steps);
    }

    /**
     * Compares within {@code band} instead of {@link Band#defaults()}. Any band: a fixed one such as
     * {@code Band.logprob(0.05).kl(1e-4)}, or one measured for the run.
     */
    @CheckReturnValue
    public TraceAssert within(Band band) {
        TraceComparator banded = TraceComparator.within(Objects.requireNonNull(band, "band")).topK(comparator.topK());
        return new TraceAssert(actual, description, banded, pieces, steps);
    }

    /**
     * Compares within the band {@code floor} derives ({@link Traces#noiseFloor}), its blame in the failure message:
     * the band a correct runtime is held to on this model, prompt, settings and CPU.
     */
    @CheckReturnValue
    public TraceAssert within(NoiseFloor floor) {
        TraceComparator floored = TraceComparator.within(Objects.requireNonNull(floor, "floor")).topK(comparator.topK());
        return new TraceAssert(actual, description, floored, pieces, steps);
    }

    /** Reports the overlap of each step's top {@code k} tokens (default {@value TraceComparator#DEFAULT_TOP_K}). */
    @CheckReturnValue
    public TraceAssert topK(int k) {
        return new TraceAssert(actual, description, comparator.topK(k), pieces, steps);
    }

    /** Spells token ids in the failure message, e.g. {@code model.vocab()::piece}; by default they read {@code #12}. */
    @CheckReturnValue
    public TraceAssert withPieces(IntFunction<String> newPieces) {
        return new TraceAssert(actual, description, comparator, Objects.requireNonNull(newPieces, "pieces"), steps);
    }

    /**
     * Compares only the first {@code n} steps of both traces; without it every step is compared and traces of
     * different lengths end in {@code EARLY_STOP}. A trace shorter than {@code n} fails the check that follows.
     *
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    @CheckReturnValue
    public TraceAssert forSteps(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("steps to compare must be at least 1, got " + n);
        }
        return new TraceAssert(actual, description, comparator, pieces, n);
    }

    /** Passes when the traces match: verdict {@code IDENTICAL}. */
    public ComparisonAssert matches(Trace expected) {
        return compare(expected, "match", EnumSet.of(Verdict.IDENTICAL));
    }

    /**
     * Passes when the comparison finds no bug: verdict {@code IDENTICAL}, or {@code NEAR_TIE_FLIP} (the first
     * divergence is between two nearly tied tokens, every step before it within the band: numerical noise).
     */
    public ComparisonAssert hasNoBugAgainst(Trace expected) {
        return compare(expected, "show no bug", EnumSet.of(Verdict.IDENTICAL, Verdict.NEAR_TIE_FLIP));
    }

    /** Passes when the traces do not match: any verdict but {@code IDENTICAL}. */
    public ComparisonAssert divergesFrom(Trace expected) {
        return compare(expected, "diverge", EnumSet.complementOf(EnumSet.of(Verdict.IDENTICAL)));
    }

    private ComparisonAssert compare(Trace expected, String expectation, Set<Verdict> accepted) {
        Objects.requireNonNull(expected, "expected trace");
        String scope = steps == 0 ? "all steps" : "the first " + steps + " steps";
        if (steps > 0 && (expected.steps() < steps || actual.steps() < steps)) {
            throw new AssertionFailedError(FailureMessage.prefix(description) + "cannot compare the first " + steps
                    + " steps: expected (" + expected.info().label() + ") has " + expected.steps() + ", actual ("
                    + actual.info().label() + ") has " + actual.steps());
        }
        // Views over the first rows: nothing to close, and the callers' traces stay open while they are read.
        Trace actualSteps = steps == 0 ? actual : actual.firstSteps(steps);
        Trace expectedSteps = steps == 0 ? expected : expected.firstSteps(steps);
        boolean expectedIsA = expectedSteps.logits().isPresent() || actualSteps.logits().isEmpty();
        Trace a = expectedIsA ? expectedSteps : actualSteps;
        Trace b = expectedIsA ? actualSteps : expectedSteps;
        FailureMessage message = new FailureMessage(description, scope, expectedIsA ? "expected" : "actual", pieces);
        DivergenceReport report = comparator.compare(a, b);
        return new ComparisonAssert(report, message, message.details(report, a, b)).hasVerdict(expectation, accepted);
    }
}
