package dev.logitparity.reference;

import java.util.Arrays;

/**
 * {@link MatVec}'s order as a plain loop over each row decoded by {@code GgmlQuants}: the oracle for
 * {@link VectorMatVec}, and the kernel of a JVM without the Vector API module.
 */
final class ScalarMatVec implements MatVec {

    @Override
    public void multiply(WeightMatrix w, double[][] xs, int count, double[][] ys, int from, int to) {
        int n = w.columns();
        float[] row = new float[n];
        double[] partials = new double[STRIDE];
        int body = n - n % STRIDE;
        for (int r = from; r < to; r++) {
            w.decodeRow(r, row);
            for (int t = 0; t < count; t++) {
                double[] x = xs[t];
                Arrays.fill(partials, 0);
                for (int c = 0; c < body; c++) {
                    partials[c % STRIDE] += row[c] * x[c];
                }
                double sum = MatVec.reduce(partials);
                for (int c = body; c < n; c++) {
                    sum += row[c] * x[c];
                }
                ys[t][r] = sum;
            }
        }
    }
}
