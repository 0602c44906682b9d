package dev.logitparity.compare;

import dev.logitparity.logits.FastExp;
import dev.logitparity.logits.TopK;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarStepPasses}' sums four tokens at a time, each lane doing what the scalar loop does for its token, in
 * one pass over both rows. Only the common group takes the vector path: A's four logits within 700 of its maximum
 * (so finite and unmasked), and neither argmax in the group (so ranks need no tie-break). Any other group (a masked
 * or non-finite logit of A, one whose exp the scalar definition takes as 0, a tie-break) is added by the scalar
 * passes over its four tokens, as are the tokens past the last full group: no masks or blends on the common path.
 * Argmaxes and top k read eight floats at a time and take the scalar definition wherever a group could change the
 * answer, so they are exactly the scalar ones.
 */
final class VectorStepPasses implements StepPasses {

    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D4 = VectorExp.D4;
    private static final int LANES = 4;
    private static final DoubleVector ONE = DoubleVector.broadcast(D4, 1.0);
    private static final int FLOAT_LANES = 8;
    /**
     * How far apart two runtimes' logits of a token may be for B's exp to come from A's: most differ by far less
     * than 1 nat, even between quantisations.
     */
    private static final double CLOSE = 1.0;

    @Override
    public int argmax(float[] row, int vocab) {
        int body = vocab - vocab % FLOAT_LANES;
        FloatVector lanes = FloatVector.broadcast(F8, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < body; i += FLOAT_LANES) {
            FloatVector x = FloatVector.fromArray(F8, row, i);
            // a strict compare, as the scalar loop's: NaN never wins, and a tie keeps what is held
            lanes = lanes.blend(x, x.compare(VectorOperators.GT, lanes));
        }
        float max = lanes.reduceLanes(VectorOperators.MAX);
        for (int i = body; i < vocab; i++) {
            max = row[i] > max ? row[i] : max;
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return 0;
        }
        // the lowest index holding the maximum is the scalar loop's choice
        for (int i = 0; i < body; i += FLOAT_LANES) {
            VectorMask<Float> hit = FloatVector.fromArray(F8, row, i).eq(max);
            if (hit.anyTrue()) {
                return i + hit.firstTrue();
            }
        }
        int i = body;
        while (row[i] != max) {
            i++;
        }
        return i;
    }

    @Override
    public void topK(TopK top, float[] row, int vocab) {
        top.reset(row);
        int body = vocab - vocab % FLOAT_LANES;
        int i = 0;
        for (; i < body && !top.full(); i += FLOAT_LANES) {
            top.offer(i, i + FLOAT_LANES);
        }
        // once k are held, a group enters only if some value is above the smallest held (NaN never is)
        float floor = top.floor();
        for (; i < body; i += FLOAT_LANES) {
            if (FloatVector.fromArray(F8, row, i).compare(VectorOperators.GT, floor).anyTrue()) {
                top.offer(i, i + FLOAT_LANES);
                floor = top.floor();
            }
        }
        top.offer(body, vocab);
    }

    @Override
    public Sums sums(float[] rowA, float[] rowB, int vocab, int argA, int argB) {
        float maxA = rowA[argA];
        double shiftB = StepPasses.shiftB(maxA, rowB[argB]);
        boolean bRelativeToMaxA = shiftB == maxA;
        float bAtA = rowB[argA];
        float aAtB = rowA[argB];
        // Before a side's argmax a tie counts in the rank: for floats, x >= v is x > nextDown(v).
        double tiesCountBeforeA = Math.nextDown(bAtA);
        double tiesCountBeforeB = Math.nextDown(aAtB);
        int body = vocab - vocab % LANES;
        int groupOfA = argA - argA % LANES;
        int groupOfB = argB - argB % LANES;
        DoubleVector zero = DoubleVector.zero(D4);
        // counts in doubles, one per lane: exact to 2^53, and no mask-to-integer move per group
        DoubleVector rankAInB = zero;
        DoubleVector rankBInA = zero;
        DoubleVector expA = zero;
        DoubleVector expB = zero;
        DoubleVector weightedSum = zero;
        DoubleVector shiftedA = zero;
        DoubleVector shiftedSquaresA = zero;
        double farExpB = 0;
        Sums scalar = ScalarStepPasses.sums(rowA, rowB, body, vocab, argA, argB);
        for (int i = 0; i < body; i += LANES) {
            DoubleVector xa = load(rowA, i);
            DoubleVector ya = xa.sub(maxA);
            // ya < -700 or NaN: a masked or non-finite token, or one whose exp is 0 in the scalar definition
            if (!ya.compare(VectorOperators.GE, VectorExp.UNDERFLOW).allTrue() || i == groupOfA || i == groupOfB) {
                scalar = scalar.plus(ScalarStepPasses.sums(rowA, rowB, i, i + LANES, argA, argB));
                continue;
            }
            DoubleVector xb = load(rowB, i);
            DoubleVector t = xb.sub(xa);
            DoubleVector ea = VectorExp.withinRange(ya);
            // exp(xB - maxA) = exp(xA - maxA) exp(xB - xA): no second full exp where the two logits are close (a
            // second exp inlined here would pass C2's node budget, leaving its vector ops boxed)
            if (bRelativeToMaxA && t.abs().compare(VectorOperators.LE, CLOSE).allTrue()) {
                expB = ea.fma(expClose(t), expB);
            } else {
                farExpB += expSum(rowB, i, shiftB);
            }
            expA = expA.add(ea);
            weightedSum = ea.fma(t, weightedSum);
            shiftedA = shiftedA.add(ya);
            shiftedSquaresA = ya.fma(ya, shiftedSquaresA);
            rankAInB = rankAInB.add(ONE, xb.compare(VectorOperators.GT, i < argA ? tiesCountBeforeA : bAtA));
            rankBInA = rankBInA.add(ONE, xa.compare(VectorOperators.GT, i < argB ? tiesCountBeforeB : aAtB));
        }
        // sum exp(xA - maxA) (xA - xB) is minus the sum of exp(xA - maxA) t
        Sums vector = new Sums(sum(expA), sum(expB) + farExpB, shiftB, -sum(weightedSum), sum(shiftedA),
                sum(shiftedSquaresA), (int) sum(rankAInB), (int) sum(rankBInA), 0);
        return vector.plus(scalar);
    }

    /** Sum of exp(x - shift) over {@code row[i, i + 4)}: B's terms where they are not close to A's. */
    private static double expSum(float[] row, int i, double shift) {
        return sum(VectorExp.exp(load(row, i).sub(shift)));
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
            // a strict compare, as the scalar loop's: a NaN never becomes the maximum
            maxAbs = maxAbs.blend(abs, abs.compare(VectorOperators.GT, maxAbs));
            sumAbs = sumAbs.add(abs);
            sumSquares = abs.fma(abs, sumSquares);
        }
        Deltas vector = new Deltas(maxAbs.reduceLanes(VectorOperators.MAX), sum(sumAbs), sum(sumSquares));
        return vector.plus(ScalarStepPasses.deltas(rowA, rowB, body, vocab, shift));
    }

    private static DoubleVector load(float[] row, int i) {
        return (DoubleVector) FloatVector.fromArray(F4, row, i).convertShape(VectorOperators.F2D, D4, 0);
    }

    /**
     * {@code exp(t)} for {@code |t| <= CLOSE}: {@code expNear(t / 32)^32}, five squarings taking
     * {@link FastExp#expNear}'s 3e-17 to a few 1e-15, within the comparator's 1e-12 at a fraction of a full exp.
     */
    private static DoubleVector expClose(DoubleVector t) {
        DoubleVector e = expNear(t.mul(1.0 / 32));
        for (int squaring = 0; squaring < 5; squaring++) {
            e = e.mul(e);
        }
        return e;
    }

    /** {@link FastExp#expNear}'s polynomial, lane by lane, in Estrin's grouping. */
    private static DoubleVector expNear(DoubleVector t) {
        DoubleVector t2 = t.mul(t);
        DoubleVector t4 = t2.mul(t2);
        DoubleVector low = t2.fma(t.fma(1.0 / 6, 1.0 / 2), t.add(1.0));
        DoubleVector high = t2.fma(t.fma(1.0 / 5040, 1.0 / 720), t.fma(1.0 / 120, 1.0 / 24));
        return t4.fma(high, low);
    }

    private static double sum(DoubleVector v) {
        return (v.lane(0) + v.lane(1)) + (v.lane(2) + v.lane(3));
    }
}
