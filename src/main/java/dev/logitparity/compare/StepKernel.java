package dev.logitparity.compare;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;
import dev.logitparity.trace.Logits;

import java.util.Arrays;

/**
 * Computes one step's metrics from the two sides' logits rows in a few passes over them: the top k, whose first is the
 * argmax, then exp sums with everything else that needs no logsumexp, then the deltas, then the ranks where the sides
 * choose differently ({@link StepPasses}). It owns the only per-row buffers of a comparison (two float rows and two
 * top-k lists), reused for every step, so heap use does not depend on the number of steps. Not thread-safe: a
 * comparison on several threads gives each its own.
 */
final class StepKernel {
    private final int vocab;
    private final float[] rowA;
    private final float[] rowB;
    private final TopK topA;
    private final TopK topB;
    private final StepPasses passes;

    StepKernel(int vocab, int topK, StepPasses passes) {
        this.vocab = vocab;
        this.passes = passes;
        this.rowA = new float[vocab];
        this.rowB = new float[vocab];
        this.topA = new TopK(Math.min(topK, vocab));
        this.topB = new TopK(Math.min(topK, vocab));
    }

    StepMetrics twoSided(Logits a, Logits b, int step, int tokenA, int tokenB, boolean contextsDiffer) {
        a.copyRow(step, rowA);
        b.copyRow(step, rowB);
        boolean bitwiseEqual = Arrays.mismatch(rowA, 0, vocab, rowB, 0, vocab) < 0;
        int argA = topFirst(topA, rowA);
        int argB = topFirst(topB, rowB);
        // a NaN can leave the top k unordered, but then the sums are not finite and both are taken again below
        StepPasses.Sums sums = passes.sums(rowA, rowB, vocab, argA, argB);
        int nonFiniteA = 0;
        int nonFiniteB = 0;
        // Each side's choice is its own, over its own finite values: a NaN in B must not hide A's argmax.
        int ownA = argA;
        int ownB = argB;
        double ownMarginA = 0;
        double ownMarginB = 0;
        // Any NaN or infinity in either row makes one of these sums non-finite; finite rows never do.
        if (!Double.isFinite(sums.expA() + sums.weightedDifference() + sums.shiftedA() + sums.shiftedSquaresA())) {
            ownA = LogProbs.finiteArgmax(rowA, vocab);
            ownB = LogProbs.finiteArgmax(rowB, vocab);
            ownMarginA = ownMargin(rowA, ownA, ownB);
            ownMarginB = ownMargin(rowB, ownB, ownA);
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
            argA = topFirst(topA, rowA);
            argB = topFirst(topB, rowB);
            sums = passes.sums(rowA, rowB, vocab, argA, argB);
        }
        int tokens = vocab - sums.masked();
        if (tokens == 0) {
            return new StepMetrics(step, tokenA, tokenB, contextsDiffer, ownA, ownB, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    nonFiniteA, nonFiniteB, bitwiseEqual);
        }
        // From here on both rows are finite except at tokens masked to -Infinity on both sides.
        float maxA = rowA[argA];
        float maxB = rowB[argB];
        double lseA = maxA + Math.log(sums.expA());
        double lseB = sums.shiftB() + Math.log(sums.expB());
        double shift = lseA - lseB;
        StepPasses.Deltas deltas = passes.deltas(rowA, rowB, vocab, shift);
        if (ownA != argA || ownB != argB) {
            return ownChoices(step, tokenA, tokenB, contextsDiffer, ownA, ownB, ownMarginA, ownMarginB, tokens, shift,
                    sums, deltas, nonFiniteA, nonFiniteB, bitwiseEqual);
        }
        double marginA = (double) maxA - rowA[argB];
        double marginB = (double) maxB - rowB[argA];
        double flipEpsilon = Math.abs(marginA + marginB);
        double mse = deltas.sumSquares() / tokens;
        double meanA = sums.shiftedA() / tokens;
        double varA = Math.max(0, sums.shiftedSquaresA() / tokens - meanA * meanA);
        double nmse = mse == 0 ? 0 : varA == 0 ? Double.POSITIVE_INFINITY : mse / varA;
        // KL = sum pA (zA - zB) = E_pA[xA - xB] - shift; rounding can leave it a hair below its floor of 0.
        double kl = Math.max(0, sums.weightedDifference() / sums.expA() - shift);
        // where both sides choose one token neither ranks anything ahead of it: no pass needed, and most steps are so
        StepPasses.Ranks ranks = argA == argB ? StepPasses.Ranks.NONE : passes.ranks(rowA, rowB, vocab, argA, argB);
        return new StepMetrics(step, tokenA, tokenB, contextsDiffer, argA, argB, marginA, marginB, flipEpsilon,
                deltas.maxAbs(), deltas.sumAbs() / tokens, nmse, kl, topKOverlap(), ranks.aInB(), ranks.bInA(),
                nonFiniteA, nonFiniteB, bitwiseEqual);
    }

    /**
     * A step where a side's own choice has no finite value on the other side (or the side has none at all, -1): the
     * distances are over the tokens finite on both sides, the margins +Infinity where a side gives the other's choice
     * no finite value, and the ranks those of the choices in the masked rows (last when masked).
     */
    private StepMetrics ownChoices(int step, int tokenA, int tokenB, boolean contextsDiffer, int ownA, int ownB,
                                   double marginA, double marginB, int tokens, double shift, StepPasses.Sums sums,
                                   StepPasses.Deltas deltas, int nonFiniteA, int nonFiniteB, boolean bitwiseEqual) {
        double mse = deltas.sumSquares() / tokens;
        double meanA = sums.shiftedA() / tokens;
        double varA = Math.max(0, sums.shiftedSquaresA() / tokens - meanA * meanA);
        double nmse = mse == 0 ? 0 : varA == 0 ? Double.POSITIVE_INFINITY : mse / varA;
        double kl = Math.max(0, sums.weightedDifference() / sums.expA() - shift);
        int rankAInB = ownA < 0 ? tokens : LogProbs.rank(rowB, vocab, ownA);
        int rankBInA = ownB < 0 ? tokens : LogProbs.rank(rowA, vocab, ownB);
        return new StepMetrics(step, tokenA, tokenB, contextsDiffer, ownA, ownB, marginA, marginB,
                Math.abs(marginA + marginB), deltas.maxAbs(), deltas.sumAbs() / tokens, nmse, kl, topKOverlap(),
                rankAInB, rankBInA, nonFiniteA, nonFiniteB, bitwiseEqual);
    }

    /**
     * A side's own choice ahead of the other side's, in its own row: +Infinity when it gives the other's choice no
     * finite value (or the other side has no choice), NaN when it has no choice itself.
     */
    private static double ownMargin(float[] row, int own, int other) {
        if (own < 0) {
            return Double.NaN;
        }
        return other < 0 || !Float.isFinite(row[other]) ? Double.POSITIVE_INFINITY : (double) row[own] - row[other];
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
        int argA = passes.argmax(rowA, vocab);
        double lse = LogProbs.logSumExp(rowA, vocab);
        return new OneSidedStep(step, tokenA, tokenB, contextsDiffer, argA, (double) rowA[argA] - rowA[tokenB],
                rowA[argA] - lse, rowA[tokenB] - lse, LogProbs.rank(rowA, vocab, tokenB), nonFiniteA);
    }

    /**
     * Collects {@code row}'s top k into {@code top}, for the overlap, and gives its first: the argmax, the lowest token
     * id of the largest value, wherever the row has no NaN.
     */
    private int topFirst(TopK top, float[] row) {
        passes.topK(top, row, vocab);
        return top.id(0);
    }

    /** The share of A's top k in B's, from the lists the argmaxes were taken from. */
    private double topKOverlap() {
        int common = 0;
        for (int a = 0; a < topA.size(); a++) {
            for (int b = 0; b < topB.size(); b++) {
                if (topA.id(a) == topB.id(b)) {
                    common++;
                    break;
                }
            }
        }
        return (double) common / topA.size();
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
