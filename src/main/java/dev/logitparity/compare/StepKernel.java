package dev.logitparity.compare;

import dev.logitparity.logits.FastExp;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;
import dev.logitparity.trace.Logits;

import java.util.Arrays;

/**
 * Computes one step's metrics from the two sides' logits rows in three passes over them: argmaxes, then exp sums with
 * everything else that needs no logsumexp, then the deltas. It owns the only per-row buffers of a comparison (two
 * float rows), reused for every step, so heap use does not depend on the number of steps. Not thread-safe.
 */
final class StepKernel {
    private final int vocab;
    private final int topK;
    private final float[] rowA;
    private final float[] rowB;

    StepKernel(int vocab, int topK) {
        this.vocab = vocab;
        this.topK = topK;
        this.rowA = new float[vocab];
        this.rowB = new float[vocab];
    }

    StepMetrics twoSided(Logits a, Logits b, int step, int tokenA, int tokenB, boolean contextsDiffer) {
        a.copyRow(step, rowA);
        b.copyRow(step, rowB);
        boolean bitwiseEqual = Arrays.mismatch(rowA, 0, vocab, rowB, 0, vocab) < 0;
        int argA = LogProbs.argmax(rowA, vocab);
        int argB = LogProbs.argmax(rowB, vocab);
        Sums sums = sums(argA, argB);
        int nonFiniteA = 0;
        int nonFiniteB = 0;
        // Any NaN or infinity in either row makes one of these sums non-finite; finite rows never do.
        if (!Double.isFinite(sums.expA + sums.weightedDifference + sums.shiftedA + sums.shiftedSquaresA)) {
            for (int i = 0; i < vocab; i++) {
                boolean finiteA = Float.isFinite(rowA[i]);
                boolean finiteB = Float.isFinite(rowB[i]);
                if (finiteA && finiteB) {
                    continue;
                }
                // -Infinity on both sides is a token both runtimes mask: consistent, so not counted.
                if (rowA[i] != Float.NEGATIVE_INFINITY || rowB[i] != Float.NEGATIVE_INFINITY) {
                    nonFiniteA += finiteA ? 0 : 1;
                    nonFiniteB += finiteB ? 0 : 1;
                }
                rowA[i] = Float.NEGATIVE_INFINITY;
                rowB[i] = Float.NEGATIVE_INFINITY;
            }
            argA = LogProbs.argmax(rowA, vocab);
            argB = LogProbs.argmax(rowB, vocab);
            sums = sums(argA, argB);
        }
        int tokens = vocab - sums.masked;
        if (tokens == 0) {
            return new StepMetrics(step, tokenA, tokenB, contextsDiffer, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    nonFiniteA, nonFiniteB, bitwiseEqual);
        }
        // From here on both rows are finite except at tokens masked to -Infinity on both sides.
        float maxA = rowA[argA];
        float maxB = rowB[argB];
        double lseA = maxA + Math.log(sums.expA);
        double lseB = sums.shiftB + Math.log(sums.expB);
        double shift = lseA - lseB;
        Deltas deltas = deltas(shift);
        double marginA = (double) maxA - rowA[argB];
        double marginB = (double) maxB - rowB[argA];
        double flipEpsilon = Math.abs(marginA + marginB);
        double mse = deltas.sumSquares / tokens;
        double meanA = sums.shiftedA / tokens;
        double varA = Math.max(0, sums.shiftedSquaresA / tokens - meanA * meanA);
        double nmse = mse == 0 ? 0 : varA == 0 ? Double.POSITIVE_INFINITY : mse / varA;
        // KL = sum pA (zA - zB) = E_pA[xA - xB] - shift; rounding can leave it a hair below its floor of 0.
        double kl = Math.max(0, sums.weightedDifference / sums.expA - shift);
        return new StepMetrics(step, tokenA, tokenB, contextsDiffer, argA, argB, marginA, marginB, flipEpsilon,
                deltas.maxAbs, deltas.sumAbs / tokens, nmse, kl, topKOverlap(), sums.rankAInB, sums.rankBInA,
                nonFiniteA, nonFiniteB, bitwiseEqual);
    }

    OneSidedStep oneSided(Logits a, int step, int tokenA, int tokenB, boolean contextsDiffer) {
        a.copyRow(step, rowA);
        int nonFiniteA = 0;
        if (!allFinite(rowA)) {
            for (int i = 0; i < vocab; i++) {
                if (!Float.isFinite(rowA[i])) {
                    rowA[i] = Float.NEGATIVE_INFINITY;
                    nonFiniteA++;
                }
            }
        }
        if (nonFiniteA == vocab) {
            return new OneSidedStep(step, tokenA, tokenB, contextsDiffer, 0, 0, 0, 0, 0, nonFiniteA);
        }
        int argA = LogProbs.argmax(rowA, vocab);
        double lse = LogProbs.logSumExp(rowA, vocab);
        return new OneSidedStep(step, tokenA, tokenB, contextsDiffer, argA, (double) rowA[argA] - rowA[tokenB],
                rowA[argA] - lse, rowA[tokenB] - lse, LogProbs.rank(rowA, vocab, tokenB), nonFiniteA);
    }

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
    private record Sums(double expA, double expB, double shiftB, double weightedDifference,
                        double shiftedA, double shiftedSquaresA, int rankAInB, int rankBInA, int masked) {
    }

    /**
     * The pass after the argmaxes: everything that needs no logsumexp, both exp sums included. B's terms are taken
     * relative to A's maximum, {@code exp(xB - maxA) = exp(xA - maxA) * exp(xB - xA)}, so where the two logits are
     * close (as two runtimes' are) the second factor is a short polynomial instead of a second full exp. Rows equal
     * bitwise give bitwise equal sums. Masked tokens (-Infinity on both sides) are skipped; any other non-finite value
     * leaves a non-finite sum.
     */
    private Sums sums(int argA, int argB) {
        float maxA = rowA[argA];
        float bAtA = rowB[argA];
        float aAtB = rowA[argB];
        // Within these bounds no exp(xB - maxA) overflows, nor do B's largest terms sink to where underflow matters.
        double maxGap = (double) rowB[argB] - maxA;
        boolean bRelativeToMaxA = maxGap >= -600 && maxGap <= 700;
        double shiftB = bRelativeToMaxA ? maxA : rowB[argB];
        double expA = 0;
        double expB = 0;
        double weightedDifference = 0;
        double shiftedA = 0;
        double shiftedSquaresA = 0;
        int rankAInB = 0;
        int rankBInA = 0;
        int masked = 0;
        for (int i = 0; i < vocab; i++) {
            float xa = rowA[i];
            float xb = rowB[i];
            if (xa == Float.NEGATIVE_INFINITY && xb == Float.NEGATIVE_INFINITY) {
                masked++;
                continue;
            }
            double ya = (double) xa - maxA;
            double ea = FastExp.exp(ya);
            double t = (double) xb - xa;
            expA += ea;
            expB += bRelativeToMaxA && Math.abs(t) <= FastExp.NEAR
                    ? ea * FastExp.expNear(t) : FastExp.exp((double) xb - shiftB);
            weightedDifference -= ea * t;
            shiftedA += ya;
            shiftedSquaresA += ya * ya;
            if (xb > bAtA || (xb == bAtA && i < argA)) {
                rankAInB++;
            }
            if (xa > aAtB || (xa == aAtB && i < argB)) {
                rankBInA++;
            }
        }
        return new Sums(expA, expB, shiftB, weightedDifference, shiftedA, shiftedSquaresA, rankAInB, rankBInA,
                masked);
    }

    private record Deltas(double maxAbs, double sumAbs, double sumSquares) {
    }

    /** The second pass: |zA - zB| and its square, which need the shift between the two logsumexps. */
    private Deltas deltas(double shift) {
        double maxAbs = 0;
        double sumAbs = 0;
        double sumSquares = 0;
        for (int i = 0; i < vocab; i++) {
            float xa = rowA[i];
            if (xa == Float.NEGATIVE_INFINITY) {
                continue;
            }
            double d = ((double) xa - rowB[i]) - shift;
            double abs = Math.abs(d);
            if (abs > maxAbs) {
                maxAbs = abs;
            }
            sumAbs += abs;
            sumSquares += d * d;
        }
        return new Deltas(maxAbs, sumAbs, sumSquares);
    }

    private double topKOverlap() {
        int[] topA = TopK.of(rowA, vocab, topK);
        int[] topB = TopK.of(rowB, vocab, topK);
        int common = 0;
        for (int token : topA) {
            for (int other : topB) {
                if (token == other) {
                    common++;
                    break;
                }
            }
        }
        return (double) common / topA.length;
    }

    private boolean allFinite(float[] row) {
        for (int i = 0; i < vocab; i++) {
            if (!(Math.abs(row[i]) <= Float.MAX_VALUE)) {
                return false;
            }
        }
        return true;
    }
}
