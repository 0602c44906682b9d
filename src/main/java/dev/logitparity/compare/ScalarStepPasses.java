package dev.logitparity.compare;

import dev.logitparity.logits.FastExp;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;

/** {@link StepPasses} one token at a time: the definition the vector passes are tested against. */
final class ScalarStepPasses implements StepPasses {

    @Override
    public int argmax(float[] row, int vocab) {
        return LogProbs.argmax(row, vocab);
    }

    @Override
    public void topK(TopK top, float[] row, int vocab) {
        top.reset(row);
        top.offer(0, vocab);
    }

    /**
     * B's terms are taken relative to A's maximum, {@code exp(xB - maxA) = exp(xA - maxA) * exp(xB - xA)}, so where
     * the two logits are close (as two runtimes' are) the second factor is a short polynomial instead of a second
     * full exp. Rows equal bitwise give bitwise equal sums.
     */
    @Override
    public Sums sums(float[] rowA, float[] rowB, int vocab, int argA, int argB) {
        return sums(rowA, rowB, 0, vocab, argA, argB);
    }

    /**
     * The sums over tokens {@code [from, to)} alone: what the vector passes leave over past their last full group, and
     * the rare groups they do not take.
     */
    static Sums sums(float[] rowA, float[] rowB, int from, int to, int argA, int argB) {
        float maxA = rowA[argA];
        double shiftB = StepPasses.shiftB(maxA, rowB[argB]);
        boolean bRelativeToMaxA = shiftB == maxA;
        double expA = 0;
        double expB = 0;
        double weightedDifference = 0;
        double shiftedA = 0;
        double shiftedSquaresA = 0;
        int masked = 0;
        for (int i = from; i < to; i++) {
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
        }
        return new Sums(expA, expB, shiftB, weightedDifference, shiftedA, shiftedSquaresA, masked);
    }

    @Override
    public Ranks ranks(float[] rowA, float[] rowB, int vocab, int argA, int argB) {
        float bAtA = rowB[argA];
        float aAtB = rowA[argB];
        int rankAInB = 0;
        int rankBInA = 0;
        for (int i = 0; i < vocab; i++) {
            float xa = rowA[i];
            float xb = rowB[i];
            if (xa == Float.NEGATIVE_INFINITY && xb == Float.NEGATIVE_INFINITY) {
                continue;
            }
            if (xb > bAtA || (xb == bAtA && i < argA)) {
                rankAInB++;
            }
            if (xa > aAtB || (xa == aAtB && i < argB)) {
                rankBInA++;
            }
        }
        return new Ranks(rankAInB, rankBInA);
    }

    @Override
    public Deltas deltas(float[] rowA, float[] rowB, int vocab, double shift) {
        return deltas(rowA, rowB, 0, vocab, shift);
    }

    /** The deltas over tokens {@code [from, to)} alone. */
    static Deltas deltas(float[] rowA, float[] rowB, int from, int to, double shift) {
        double maxAbs = 0;
        double sumAbs = 0;
        double sumSquares = 0;
        for (int i = from; i < to; i++) {
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
}
