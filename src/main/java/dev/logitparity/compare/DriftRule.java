package dev.logitparity.compare;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Whether a band violation is drift: error that starts within the band and grows with position past it, as a
 * KV-cache or positional bug makes it, rather than a spike at one position. See {@link Verdict#DRIFT}.
 */
final class DriftRule {
    static final int MIN_STEPS = 3;
    static final double MIN_RANK_CORRELATION = 0.5;

    private DriftRule() {
    }

    /** Applies the rule to the same-context steps, in step order. */
    static boolean holds(List<StepMetrics> steps, IntFunction<Band> band) {
        return steps.size() >= MIN_STEPS
                && band.apply(steps.getFirst().step()).admits(steps.getFirst())
                && !band.apply(steps.getLast().step()).admits(steps.getLast())
                && trend(steps) >= MIN_RANK_CORRELATION;
    }

    /** Spearman's rank correlation between position and max |Δlogprob|, non-finite steps counting as the worst. */
    static double trend(List<StepMetrics> steps) {
        double[] severity = new double[steps.size()];
        double[] position = new double[steps.size()];
        for (int i = 0; i < severity.length; i++) {
            StepMetrics step = steps.get(i);
            severity[i] = step.nonFinite() > 0 ? Double.POSITIVE_INFINITY : step.maxAbsDelta();
            position[i] = i;
        }
        double rho = new SpearmansCorrelation().correlation(position, severity);
        // Commons Math gives NaN when a side is constant: no trend to speak of
        return Double.isNaN(rho) ? 0 : rho;
    }
}
