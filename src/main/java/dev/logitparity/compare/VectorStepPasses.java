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
 * one pass over both rows. Only groups whose four logits of A are within 700 of its maximum (so finite and unmasked)
 * and of B within {@link #CLOSE} of A's take the vector path; any other group (a masked or non-finite logit, one whose
 * exp the scalar definition takes as 0, B far from A) is summed by the scalar definition after the loop, as are the
 * tokens past the last full group: no masks or blends, and no calls, on the common path. Argmaxes, top k and ranks
 * read eight floats at a time and take the scalar definition wherever a group could change the answer, so they are
 * exactly the scalar ones.
 */
final class VectorStepPasses implements StepPasses {

    private static final VectorSpecies<Float> F4 = FloatVector.SPECIES_128;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Double> D4 = VectorExp.D4;
    private static final int LANES = 4;
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
        // maxima more than 600 nats apart: a pathological pair, not worth a path of its own
        if (shiftB != maxA) {
            return ScalarStepPasses.sums(rowA, rowB, 0, vocab, argA, argB);
        }
        int body = vocab - vocab % LANES;
        DoubleVector zero = DoubleVector.zero(D4);
        DoubleVector expA = zero;
        DoubleVector expB = zero;
        DoubleVector weightedSum = zero;
        DoubleVector shiftedA = zero;
        DoubleVector shiftedSquaresA = zero;
        DeferredRanges deferred = new DeferredRanges(rowA, rowB, argA, argB);
        deferred.add(body, vocab);
        for (int i = 0; i < body; i += LANES) {
            DoubleVector xa = load(rowA, i);
            DoubleVector ya = xa.sub(maxA);
            DoubleVector xb = load(rowB, i);
            DoubleVector t = xb.sub(xa);
            // ya < -700 or NaN: a masked or non-finite token, or one whose exp is 0 in the scalar definition; |t| > 1:
            // B too far from A for its exp to come from A's
            if (!ya.compare(VectorOperators.GE, VectorExp.UNDERFLOW)
                    .and(t.abs().compare(VectorOperators.LE, CLOSE)).allTrue()) {
                deferred.add(i, i + LANES);
                continue;
            }
            DoubleVector ea = VectorExp.withinRange(ya);
            // exp(xB - maxA) = exp(xA - maxA) exp(xB - xA): no second full exp where the two logits are close (a
            // second exp inlined here would pass C2's node budget, leaving its vector ops boxed)
            expB = ea.fma(expClose(t), expB);
            expA = expA.add(ea);
            weightedSum = ea.fma(t, weightedSum);
            shiftedA = shiftedA.add(ya);
            shiftedSquaresA = ya.fma(ya, shiftedSquaresA);
        }
        // sum exp(xA - maxA) (xA - xB) is minus the sum of exp(xA - maxA) t
        Sums vector = new Sums(sum(expA), sum(expB), shiftB, -sum(weightedSum), sum(shiftedA),
                sum(shiftedSquaresA), 0);
        return vector.plus(deferred.sums());
    }

    /**
     * The tokens the vector loop leaves to the scalar definition, held as ranges and summed after the loop, or when
     * the buffer fills. Summing them where the loop meets them would put a call inside it, and at a call C2 boxes the
     * loop's live vector accumulators: about a microsecond per group, which made a comparison of two runtimes a few
     * tenths of a nat apart (one group in 300 with a token more than 1 nat off) three times slower. Adjacent groups
     * join one range, so a row of masked tokens is a few scalar loops, not one call per group.
     */
    private static final class DeferredRanges {
        private static final int CAPACITY = 32;
        private final float[] rowA;
        private final float[] rowB;
        private final int argA;
        private final int argB;
        private final int[] from = new int[CAPACITY];
        private final int[] to = new int[CAPACITY];
        private int count;
        private Sums flushed;

        DeferredRanges(float[] rowA, float[] rowB, int argA, int argB) {
            this.rowA = rowA;
            this.rowB = rowB;
            this.argA = argA;
            this.argB = argB;
        }

        void add(int start, int end) {
            if (count > 0 && to[count - 1] == start) {
                to[count - 1] = end;
                return;
            }
            if (count == CAPACITY) {
                flush();
            }
            from[count] = start;
            to[count] = end;
            count++;
        }

        Sums sums() {
            flush();
            return flushed;
        }

        private void flush() {
            for (int r = 0; r < count; r++) {
                Sums range = ScalarStepPasses.sums(rowA, rowB, from[r], to[r], argA, argB);
                flushed = flushed == null ? range : flushed.plus(range);
            }
            count = 0;
        }
    }

    @Override
    public Ranks ranks(float[] rowA, float[] rowB, int vocab, int argA, int argB) {
        float bAtA = rowB[argA];
        float aAtB = rowA[argB];
        // at a finite threshold -Infinity never counts, so a token masked on both sides drops out on its own
        if (!Float.isFinite(bAtA) || !Float.isFinite(aAtB)) {
            return Kernels.SCALAR.ranks(rowA, rowB, vocab, argA, argB);
        }
        return new Ranks(ahead(rowB, vocab, bAtA, argA), ahead(rowA, vocab, aAtB, argB));
    }

    /**
     * Tokens of {@code row} above the finite {@code value}, or equal to it before token {@code choice}: for floats,
     * {@code x >= v} is {@code x > nextDown(v)}. The group holding the choice and the tail are counted one by one.
     */
    private static int ahead(float[] row, int vocab, float value, int choice) {
        float tiesCount = Math.nextDown(value);
        int body = vocab - vocab % FLOAT_LANES;
        int groupOfChoice = Math.min(choice - choice % FLOAT_LANES, body);
        int count = 0;
        for (int i = 0; i < groupOfChoice; i += FLOAT_LANES) {
            count += FloatVector.fromArray(F8, row, i).compare(VectorOperators.GT, tiesCount).trueCount();
        }
        int scalarTo = Math.min(groupOfChoice + FLOAT_LANES, vocab);
        for (int i = groupOfChoice; i < scalarTo; i++) {
            count += row[i] > value || (row[i] == value && i < choice) ? 1 : 0;
        }
        for (int i = scalarTo; i < body; i += FLOAT_LANES) {
            count += FloatVector.fromArray(F8, row, i).compare(VectorOperators.GT, value).trueCount();
        }
        for (int i = Math.max(scalarTo, body); i < vocab; i++) {
            count += row[i] > value ? 1 : 0;
        }
        return count;
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
