package dev.logitparity.compare;

import java.util.Arrays;
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
        return pearson(ranks(position), ranks(severity));
    }

    /** Ranks 1..n with ties given their average rank, as Spearman's coefficient needs. */
    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start + 1;
            while (end < order.length && values[order[end]] == values[order[start]]) {
                end++;
            }
            double average = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                ranks[order[i]] = average;
            }
            start = end;
        }
        return ranks;
    }

    /** Pearson correlation; 0 when either side is constant (no trend to speak of). */
    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = Arrays.stream(x).average().orElse(0);
        double meanY = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }
}
