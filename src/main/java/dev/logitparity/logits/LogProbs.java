package dev.logitparity.logits;

/**
 * Log-probabilities of a logits row, {@code z = logit - logsumexp(row)}, in double: the form in which the comparator
 * sees logits, because a per-step constant shift is invisible to sampling. Non-finite logits are no probability
 * mass: they are left out of the sum (the comparator reports them separately), and NaN never wins a rank.
 */
public final class LogProbs {
    private LogProbs() {
    }

    /** {@code log(sum(exp(row[i])))} over the finite values of {@code row[0, vocab)}; -Infinity when there are none. */
    public static double logSumExp(float[] row, int vocab) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            if (row[i] > max && row[i] < Float.POSITIVE_INFINITY) {
                max = row[i];
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            // Every finite value is at most max; NaN and +Infinity fail the test and -Infinity gives 0: no mass.
            double y = (double) row[i] - max;
            sum += y <= 0 ? FastExp.exp(y) : 0.0;
        }
        return max + Math.log(sum);
    }

    /** The greedy choice: index of the largest value, the lowest index on ties; NaN is never chosen. */
    public static int argmax(float[] row, int vocab) {
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            if (row[i] > max) {
                max = row[i];
                best = i;
            }
        }
        return best;
    }

    /** Index of the largest finite value, the first on ties; -1 when no value is finite. */
    public static int finiteArgmax(float[] row, int vocab) {
        int best = -1;
        for (int i = 0; i < vocab; i++) {
            if (Float.isFinite(row[i]) && (best < 0 || row[i] > row[best])) {
                best = i;
            }
        }
        return best;
    }

    /**
     * How many tokens greedy decoding would prefer to {@code token}: those with a larger value, or an equal value and
     * a lower id. 0 means {@code token} is the argmax. A NaN value ranks below every number.
     */
    public static int rank(float[] row, int vocab, int token) {
        float value = row[token];
        if (value != value) {
            return countNumbers(row, vocab) + countNaNsBelow(row, token);
        }
        int rank = 0;
        for (int i = 0; i < vocab; i++) {
            float v = row[i];
            if (v > value || (v == value && i < token)) {
                rank++;
            }
        }
        return rank;
    }

    private static int countNumbers(float[] row, int vocab) {
        int n = 0;
        for (int i = 0; i < vocab; i++) {
            if (row[i] == row[i]) {
                n++;
            }
        }
        return n;
    }

    private static int countNaNsBelow(float[] row, int token) {
        int n = 0;
        for (int i = 0; i < token; i++) {
            if (row[i] != row[i]) {
                n++;
            }
        }
        return n;
    }
}
