package dev.logitparity.compare;

import dev.logitparity.logits.TopK;

/**
 * The passes of a step over both logits rows that are the comparator's cost: each row's top k (whose first is its
 * argmax), the exp sums with everything else that needs no logsumexp, then the deltas, which need the shift between
 * the logsumexps, and the ranks of each side's choice in the other's row. {@link ScalarStepPasses} defines them;
 * {@link VectorStepPasses} computes the same sums four doubles at a time (to 1e-12: only the order of additions and
 * the exp's last bits differ) and the same argmaxes, top k and ranks exactly.
 */
interface StepPasses {

    /** {@link dev.logitparity.logits.LogProbs#argmax}: the lowest index of the largest value, NaN never chosen. */
    int argmax(float[] row, int vocab);

    /** Collects {@code row[0, vocab)}'s top k into {@code top}, as {@link TopK#of} would. */
    void topK(TopK top, float[] row, int vocab);

    /**
     * @param expA               sum of exp(xA - maxA)
     * @param expB               sum of exp(xB - shiftB)
     * @param shiftB             maxA when the row maxima are close enough for B's terms to be taken relative to it,
     *                           else maxB
     * @param weightedDifference sum of exp(xA - maxA) (xA - xB)
     * @param shiftedA           sum of (xA - maxA), shifted so the variance does not cancel away at large logits
     * @param shiftedSquaresA    sum of (xA - maxA)^2
     * @param masked             tokens at -Infinity on both sides, left out of everything
     */
    record Sums(double expA, double expB, double shiftB, double weightedDifference,
                double shiftedA, double shiftedSquaresA, int masked) {

        /** The sums over two disjoint ranges of tokens, as one. */
        Sums plus(Sums other) {
            return new Sums(expA + other.expA, expB + other.expB, shiftB, weightedDifference + other.weightedDifference,
                    shiftedA + other.shiftedA, shiftedSquaresA + other.shiftedSquaresA, masked + other.masked);
        }
    }

    /**
     * How many tokens each side puts ahead of the other side's choice: above its value, or equal to it at a lower
     * token id (greedy order), tokens masked on both sides left out.
     */
    record Ranks(int aInB, int bInA) {

        /** Where both sides choose the same token, neither ranks anything ahead of it. */
        static final Ranks NONE = new Ranks(0, 0);
    }

    record Deltas(double maxAbs, double sumAbs, double sumSquares) {

        Deltas plus(Deltas other) {
            return new Deltas(Math.max(maxAbs, other.maxAbs), sumAbs + other.sumAbs, sumSquares + other.sumSquares);
        }
    }

    /**
     * The pass after the argmaxes over {@code rowA[0, vocab)} and {@code rowB[0, vocab)}: everything that needs no
     * logsumexp, both exp sums included, but the ranks, which are 0 wherever the sides agree. Masked tokens (-Infinity
     * on both sides) are skipped; any other non-finite value leaves a non-finite sum.
     */
    Sums sums(float[] rowA, float[] rowB, int vocab, int argA, int argB);

    /**
     * The ranks of A's choice {@code argA} in B's row and of B's choice {@code argB} in A's. Counted apart from the
     * sums because where the two choices are each row's {@link #argmax} and one token, both ranks are 0 by definition
     * (the step needs no pass for them), which is most steps of most comparisons.
     */
    Ranks ranks(float[] rowA, float[] rowB, int vocab, int argA, int argB);

    /** |zA - zB| and its square, {@code zA - zB = xA - xB - shift}, over the tokens A does not mask. */
    Deltas deltas(float[] rowA, float[] rowB, int vocab, double shift);

    /**
     * What B's exps are taken relative to: A's maximum when no {@code exp(xB - maxA)} overflows, nor do B's largest
     * terms sink to where underflow matters, else B's own.
     */
    static double shiftB(float maxA, float maxB) {
        double maxGap = (double) maxB - maxA;
        return maxGap >= -600 && maxGap <= 700 ? maxA : maxB;
    }

    /**
     * Values per side (steps x vocabulary) from which a comparison takes the Vector API passes by default. Until C2
     * has compiled them, Vector API code runs with its vectors boxed on the heap, orders of magnitude slower, and
     * compiling them takes a second or two of a 2-core machine: a command-line run of {@code divergence-locate} on
     * Qwen2's vocabulary compared 200 steps in 0.85 s on the scalar passes and 2.5 s on the vector ones. Once warm
     * the vector passes are 3x faster; they pay for their warm-up from about 2^27 values (a gigabyte of logits).
     */
    long VECTOR_FROM_VALUES = 1L << 27;

    /**
     * The passes for a comparison of {@code values} per side: the Vector API ones when the JVM runs with
     * {@code --add-modules jdk.incubator.vector} and the comparison is large enough to repay their warm-up, else the
     * scalar ones. The choice depends on the comparison alone, so the same inputs always give the same report (the
     * two agree to 1e-12, not to the bit). {@code -Dlogitparity.compare.kernel=scalar} or {@code =vector} forces one.
     */
    static StepPasses forValues(long values) {
        String forced = System.getProperty("logitparity.compare.kernel", "");
        boolean vector = switch (forced) {
            case "scalar" -> false;
            case "vector" -> true;
            default -> values >= VECTOR_FROM_VALUES;
        };
        return vector && Kernels.VECTOR != null ? Kernels.VECTOR : Kernels.SCALAR;
    }

    /** The two implementations, made once per JVM; {@code VECTOR} is null without the Vector API module. */
    final class Kernels {

        static final StepPasses SCALAR = new ScalarStepPasses();
        static final StepPasses VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? new VectorStepPasses() : null;

        private Kernels() {
        }
    }
}
