package dev.logitparity.reference;

/**
 * The kernel behind every projection: {@code y[r] = Σ_c w[r][c]·x[c]} for rows {@code [from, to)} of a
 * {@link WeightMatrix}, weights decoded exactly as {@code GgmlQuants} decodes them and every product and sum taken in
 * double, in one fixed order that both implementations follow to the bit:
 *
 * <ol>
 *   <li>column {@code c < 16·⌊n/16⌋} is added, in increasing {@code c}, to partial sum {@code c mod 16};</li>
 *   <li>the 16 partials {@code p} reduce as {@code t[l] = (p[l] + p[4+l]) + (p[8+l] + p[12+l])} for the four lanes
 *       {@code l}, then {@code (t[0] + t[1]) + (t[2] + t[3])};</li>
 *   <li>the last {@code n mod 16} columns are added to that one at a time, in increasing {@code c}.</li>
 * </ol>
 *
 * <p>Sixteen partials are four 4-lane double vectors (AVX2's width, which every x86-64 target since haswell has), so
 * {@link VectorMatVec} keeps four independent accumulators in flight; the order is a property of the column index,
 * not of the machine, so the result is the same on any CPU, with or without the Vector API. Products and sums are
 * never fused (Java forbids it), and {@link ScalarMatVec}, a plain loop over the decoded row, is the oracle the vector
 * kernel is tested against.
 */
interface MatVec {

    /** Partial sums per row: {@link #LANES} lanes times {@link #ACCUMULATORS} accumulators. */
    int LANES = 4;
    int ACCUMULATORS = 4;
    int STRIDE = LANES * ACCUMULATORS;

    /** Writes {@code W[r]·x} into {@code y[r]} for each row {@code r} in {@code [from, to)}. */
    default void multiply(WeightMatrix w, double[] x, double[] y, int from, int to) {
        multiply(w, new double[][] {x}, 1, new double[][] {y}, from, to);
    }

    /**
     * Writes {@code W[r]·xs[t]} into {@code ys[t][r]} for each row {@code r} in {@code [from, to)} and each input
     * {@code t < count}: several positions of one sequence at once. Each row is read from the mapping, and decoded,
     * once for all of them; every sum is the one {@link #multiply(WeightMatrix, double[], double[], int, int)} gives
     * for that input alone, to the bit.
     */
    void multiply(WeightMatrix w, double[][] xs, int count, double[][] ys, int from, int to);

    /**
     * The Vector API kernel when the JVM runs with {@code --add-modules jdk.incubator.vector}, else the scalar one:
     * the same numbers either way, one faster. {@code -Dlogitparity.reference.kernel=scalar} forces the scalar one.
     */
    static MatVec selected() {
        return Selection.KERNEL;
    }

    /** Step 2 of the order, on the partials laid out {@code p[accumulator·LANES + lane]}. */
    static double reduce(double[] p) {
        double t0 = (p[0] + p[4]) + (p[8] + p[12]);
        double t1 = (p[1] + p[5]) + (p[9] + p[13]);
        double t2 = (p[2] + p[6]) + (p[10] + p[14]);
        double t3 = (p[3] + p[7]) + (p[11] + p[15]);
        return (t0 + t1) + (t2 + t3);
    }

    /** Holds the choice, made once per JVM. */
    final class Selection {

        static final MatVec KERNEL = choose();

        private Selection() {
        }

        private static MatVec choose() {
            boolean vectorApi = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            boolean forcedScalar = "scalar".equals(System.getProperty("logitparity.reference.kernel"));
            return vectorApi && !forcedScalar ? new VectorMatVec() : new ScalarMatVec();
        }
    }
}
