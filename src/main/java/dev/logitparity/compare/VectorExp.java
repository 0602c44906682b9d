package dev.logitparity.compare;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp} on four doubles at once, within about one ulp of {@link Math#exp} like the scalar
 * {@code logits.FastExp}, but without its table (a table lookup is a gather, which vectors do badly):
 * {@code y = k ln 2 + r} with {@code |r| <= ln 2 / 2}, {@code exp(y) = 2^k exp(r)}, {@code exp(r)} a degree-13 Taylor
 * polynomial (truncation error {@code r^14 / 14! < 5e-18}) in Estrin's grouping with fused multiply-adds (every AVX2
 * CPU has FMA; the comparator needs 1e-12, not bit-reproducibility), {@code 2^k} added to the exponent field. Small
 * enough in bytecode for C2 to inline into a loop: a vector op in a call that is not inlined is boxed, 100x slower.
 */
final class VectorExp {

    static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;

    private static final double INV_LN2 = 1 / Math.log(2);
    // fdlibm's split of ln 2: the high part has 21 trailing zero bits, so k * LN2_HI is exact for every k used here.
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    // Adding 1.5 * 2^52 rounds to an integer held in the low mantissa bits.
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    private static final int MANTISSA_BITS = 52;
    /** Below this exp(y) < 1e-304: 0, as {@code FastExp} gives. */
    private static final double UNDERFLOW = -700;
    /** Above this exp(y) overflows a double. */
    private static final double OVERFLOW = 709.78;
    // 1 / n!
    private static final DoubleVector C0 = DoubleVector.broadcast(D4, 1.0);
    private static final DoubleVector C1 = C0;
    private static final DoubleVector C2 = DoubleVector.broadcast(D4, 1.0 / 2);
    private static final DoubleVector C3 = DoubleVector.broadcast(D4, 1.0 / 6);
    private static final DoubleVector C4 = DoubleVector.broadcast(D4, 1.0 / 24);
    private static final DoubleVector C5 = DoubleVector.broadcast(D4, 1.0 / 120);
    private static final DoubleVector C6 = DoubleVector.broadcast(D4, 1.0 / 720);
    private static final DoubleVector C7 = DoubleVector.broadcast(D4, 1.0 / 5040);
    private static final DoubleVector C8 = DoubleVector.broadcast(D4, 1.0 / 40320);
    private static final DoubleVector C9 = DoubleVector.broadcast(D4, 1.0 / 362880);
    private static final DoubleVector C10 = DoubleVector.broadcast(D4, 1.0 / 3628800);
    private static final DoubleVector C11 = DoubleVector.broadcast(D4, 1.0 / 39916800);
    private static final DoubleVector C12 = DoubleVector.broadcast(D4, 1.0 / 479001600);
    private static final DoubleVector C13 = DoubleVector.broadcast(D4, 1.0 / 6227020800.0);

    private VectorExp() {
    }

    /** {@code exp(y)} lane by lane: 0 below -700 (and for -Infinity), +Infinity where it overflows, NaN for NaN. */
    static DoubleVector exp(DoubleVector y) {
        VectorMask<Double> inRange = y.compare(VectorOperators.GE, UNDERFLOW)
                .and(y.compare(VectorOperators.LE, OVERFLOW));
        return inRange.allTrue() ? inRange(y) : outOfRange(y);
    }

    /** The rare group with a lane out of range (a masked token's -Infinity, a NaN, a far logit). */
    private static DoubleVector outOfRange(DoubleVector y) {
        DoubleVector result = inRange(y.max(UNDERFLOW).min(OVERFLOW));
        result = result.blend(0.0, y.compare(VectorOperators.LT, UNDERFLOW));
        result = result.blend(Double.POSITIVE_INFINITY, y.compare(VectorOperators.GT, OVERFLOW));
        return result.blend(y, y.test(VectorOperators.IS_NAN));
    }

    private static DoubleVector inRange(DoubleVector y) {
        DoubleVector shifted = y.mul(INV_LN2).add(SHIFT);
        DoubleVector kd = shifted.sub(SHIFT);
        DoubleVector r = y.sub(kd.mul(LN2_HI)).sub(kd.mul(LN2_LO));
        // Estrin's grouping: seven independent pairs, then three levels, a chain of 6 operations where Horner's is 13
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector q0 = r.fma(C3, C2).fma(r2, r.fma(C1, C0));
        DoubleVector q1 = r.fma(C7, C6).fma(r2, r.fma(C5, C4));
        DoubleVector q2 = r.fma(C11, C10).fma(r2, r.fma(C9, C8));
        DoubleVector q3 = r.fma(C13, C12);
        DoubleVector p = q3.fma(r4, q2).fma(r4.mul(r4), q1.fma(r4, q0));
        // |k| <= 1024 and exp(r) in [0.7, 1.5): the exponent field stays within the normal range
        LongVector k = shifted.reinterpretAsLongs().sub(SHIFT_BITS);
        return p.reinterpretAsLongs().add(k.lanewise(VectorOperators.LSHL, MANTISSA_BITS)).reinterpretAsDoubles();
    }
}
