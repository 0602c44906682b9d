package dev.logitparity.compare;

import dev.logitparity.logits.FastExp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarStepPasses}' sums four tokens at a time, the tokens past the last full group by the scalar passes:
 * each lane does what the scalar loop does for its token. What is rare takes a branch rather than work on every
 * group: masked tokens (blended to zero where the scalar loop skips them), B's own exp where some lane is too far from
 * A for the short polynomial, and ties at the rank thresholds (counted lane by lane).
 */
final class VectorStepPasses implements StepPasses {

    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Double> D4 = VectorExp.D4;
    private static final int LANES = 4;

    @Override
    public Sums sums(float[] rowA, float[] rowB, int vocab, int argA, int argB) {
        double shiftB = StepPasses.shiftB(rowA[argA], rowB[argB]);
        int body = vocab - vocab % LANES;
        double[] exps = expSums(rowA, rowB, body, rowA[argA], shiftB);
        double[] shape = shapeSums(rowA, rowB, body, argA, argB);
        Sums vector = new Sums(exps[0], exps[1], shiftB, exps[2], shape[0], shape[1], (int) shape[2], (int) shape[3],
                (int) exps[3]);
        return vector.plus(ScalarStepPasses.sums(rowA, rowB, body, vocab, argA, argB));
    }

    /**
     * Over tokens {@code [0, body)}: the exp sums of both sides, the weighted difference, the masked count. (Two
     * loops, each small enough for C2 to compile with every vector op inlined.)
     */
    private static double[] expSums(float[] rowA, float[] rowB, int body, double maxA, double shiftB) {
        boolean bRelativeToMaxA = shiftB == maxA;
        DoubleVector zero = DoubleVector.zero(D4);
        DoubleVector expA = zero;
        DoubleVector expB = zero;
        DoubleVector weightedDifference = zero;
        int masked = 0;
        for (int i = 0; i < body; i += LANES) {
            DoubleVector xa = load(rowA, i);
            DoubleVector xb = load(rowB, i);
            DoubleVector ya = xa.sub(maxA);
            DoubleVector t = xb.sub(xa);
            VectorMask<Double> skip = xa.eq(Double.NEGATIVE_INFINITY).and(xb.eq(Double.NEGATIVE_INFINITY));
            boolean anySkipped = skip.anyTrue();
            if (anySkipped) {
                masked += skip.trueCount();
                t = t.blend(0.0, skip);
                ya = ya.blend(0.0, skip);
            }
            DoubleVector ea = VectorExp.exp(ya);
            if (anySkipped) {
                ea = ea.blend(0.0, skip);
            }
            DoubleVector termB;
            if (bRelativeToMaxA) {
                termB = ea.mul(expNear(t));
                VectorMask<Double> far = t.abs().compare(VectorOperators.GT, FastExp.NEAR);
                if (far.anyTrue()) {
                    termB = termB.blend(VectorExp.exp(xb.sub(shiftB)), far);
                }
            } else {
                // exp(-Infinity) is 0: a masked token adds nothing to B's sum
                termB = VectorExp.exp(xb.sub(shiftB));
            }
            expA = expA.add(ea);
            expB = expB.add(termB);
            weightedDifference = weightedDifference.sub(ea.mul(t));
        }
        return new double[] {sum(expA), sum(expB), sum(weightedDifference), masked};
    }

    /** Over tokens {@code [0, body)}: A's shifted sum and sum of squares, and the two ranks. */
    private static double[] shapeSums(float[] rowA, float[] rowB, int body, int argA, int argB) {
        double maxA = rowA[argA];
        double bAtA = rowB[argA];
        double aAtB = rowA[argB];
        DoubleVector zero = DoubleVector.zero(D4);
        DoubleVector shiftedA = zero;
        DoubleVector shiftedSquaresA = zero;
        int rankAInB = 0;
        int rankBInA = 0;
        for (int i = 0; i < body; i += LANES) {
            DoubleVector xa = load(rowA, i);
            DoubleVector xb = load(rowB, i);
            DoubleVector ya = xa.sub(maxA);
            VectorMask<Double> skip = xa.eq(Double.NEGATIVE_INFINITY).and(xb.eq(Double.NEGATIVE_INFINITY));
            if (skip.anyTrue()) {
                ya = ya.blend(0.0, skip);
            }
            shiftedA = shiftedA.add(ya);
            shiftedSquaresA = shiftedSquaresA.add(ya.mul(ya));
            // a masked token is -Infinity on both sides: never above a value, and tied only with -Infinity
            rankAInB += xb.compare(VectorOperators.GT, bAtA).trueCount();
            rankBInA += xa.compare(VectorOperators.GT, aAtB).trueCount();
            VectorMask<Double> ties = xb.eq(bAtA).or(xa.eq(aAtB)).andNot(skip);
            if (ties.anyTrue()) {
                for (int lane = 0; lane < LANES; lane++) {
                    int token = i + lane;
                    rankAInB += ties.laneIsSet(lane) && token < argA && rowB[token] == bAtA ? 1 : 0;
                    rankBInA += ties.laneIsSet(lane) && token < argB && rowA[token] == aAtB ? 1 : 0;
                }
            }
        }
        return new double[] {sum(shiftedA), sum(shiftedSquaresA), rankAInB, rankBInA};
    }

    @Override
    public Deltas deltas(float[] rowA, float[] rowB, int vocab, double shift) {
        DoubleVector zero = DoubleVector.zero(D4);
        DoubleVector maxAbs = zero;
        DoubleVector sumAbs = zero;
        DoubleVector sumSquares = zero;
        int body = vocab - vocab % LANES;
        for (int i = 0; i < body; i += LANES) {
            DoubleVector xa = load(rowA, i);
            DoubleVector abs = xa.sub(load(rowB, i)).sub(shift).abs();
            VectorMask<Double> skip = xa.eq(Double.NEGATIVE_INFINITY);
            if (skip.anyTrue()) {
                abs = abs.blend(0.0, skip);
            }
            maxAbs = maxAbs.max(abs);
            sumAbs = sumAbs.add(abs);
            sumSquares = sumSquares.add(abs.mul(abs));
        }
        Deltas vector = new Deltas(maxAbs.reduceLanes(VectorOperators.MAX), sum(sumAbs), sum(sumSquares));
        return vector.plus(ScalarStepPasses.deltas(rowA, rowB, body, vocab, shift));
    }

    private static DoubleVector load(float[] row, int i) {
        return (DoubleVector) FloatVector.fromArray(F4, row, i).convertShape(VectorOperators.F2D, D4, 0);
    }

    /** {@link FastExp#expNear}'s polynomial, lane by lane. */
    private static DoubleVector expNear(DoubleVector t) {
        DoubleVector t2 = t.mul(t);
        DoubleVector t4 = t2.mul(t2);
        DoubleVector low = t.add(1).add(t2.mul(t.mul(1.0 / 6).add(1.0 / 2)));
        DoubleVector high = t.mul(1.0 / 120).add(1.0 / 24).add(t2.mul(t.mul(1.0 / 5040).add(1.0 / 720)));
        return low.add(t4.mul(high));
    }

    private static double sum(DoubleVector v) {
        return (v.lane(0) + v.lane(1)) + (v.lane(2) + v.lane(3));
    }
}
