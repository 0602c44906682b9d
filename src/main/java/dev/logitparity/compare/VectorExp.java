package dev.logitparity.compare;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp} on four doubles at once, within a few ulps of {@link Math#exp} like the scalar
 * {@code logits.FastExp}, but without its table (a table lookup is a gather, which vectors do badly):
 * {@code y = k ln 2 + r} with {@code |r| <= ln 2 / 2}, {@code exp(y) = 2^k exp(r)}, {@code exp(r)} a degree-10
 * polynomial (Chebyshev-fitted on that interval: error below 3e-16 where Taylor's of the same degree leaves 2e-13) in
 * Estrin's grouping with fused multiply-adds (every AVX2 CPU has FMA; the comparator needs 1e-12, not
 * bit-reproducibility), {@code 2^k} added to the exponent field. Small enough in bytecode for C2 to inline into a
 * loop: a vector op in a call that is not inlined is boxed, 100x slower.
 */
final class VectorExp {

    static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;

    private static final double INV_LN2 = 1 / Math.log(2);
    // fdlibm's split of ln 2: the high part has 21 trailing zero bits, so k * LN2_HI is exact for every k used here.
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final DoubleVector MINUS_LN2_HI = DoubleVector.broadcast(D4, -LN2_HI);
    private static final DoubleVector MINUS_LN2_LO = DoubleVector.broadcast(D4, -LN2_LO);
    // Adding 1.5 * 2^52 rounds to an integer held in the low mantissa bits.
    private static final double SHIFT = 0x1.8p52;
    private static final int MANTISSA_BITS = 52;
    /** Below this exp(y) < 1e-304: 0, as {@code FastExp} gives. */
    static final double UNDERFLOW = -700;
    /** Above this exp(y) overflows a double. */
    private static final double OVERFLOW = 709.78;
    // exp(r) ~ sum C_n r^n on |r| <= ln 2 / 2: near-minimax (a Chebyshev fit, mpmath.chebyfit at 40 digits)
    private static final DoubleVector C0 = DoubleVector.broadcast(D4, 1.0);
    private static final DoubleVector C1 = DoubleVector.broadcast(D4, 1.0000000000000067);
    private static final DoubleVector C2 = DoubleVector.broadcast(D4, 0.5000000000000006);
    private static final DoubleVector C3 = DoubleVector.broadcast(D4, 0.16666666666554406);
    private static final DoubleVector C4 = DoubleVector.broadcast(D4, 0.04166666666657314);
    private static final DoubleVector C5 = DoubleVector.broadcast(D4, 0.008333333385667782);
    private static final DoubleVector C6 = DoubleVector.broadcast(D4, 0.0013888888932488599);
    private static final DoubleVector C7 = DoubleVector.broadcast(D4, 0.00019841170270440067);
    private static final DoubleVector C8 = DoubleVector.broadcast(D4, 2.4801504346997686e-05);
    private static final DoubleVector C9 = DoubleVector.broadcast(D4, 2.764018079620985e-06);
    private static final DoubleVector C10 = DoubleVector.broadcast(D4, 2.7626357241447223e-07);

    private VectorExp() {
    }

    /** {@code exp(y)} lane by lane: 0 below -700 (and for -Infinity), +Infinity where it overflows, NaN for NaN. */
    static DoubleVector exp(DoubleVector y) {
        VectorMask<Double> inRange = y.compare(VectorOperators.GE, UNDERFLOW)
                .and(y.compare(VectorOperators.LE, OVERFLOW));
        return inRange.allTrue() ? withinRange(y) : outOfRange(y);
    }

    /** The rare group with a lane out of range (a masked token's -Infinity, a NaN, a far logit). */
    private static DoubleVector outOfRange(DoubleVector y) {
        DoubleVector result = withinRange(y.max(UNDERFLOW).min(OVERFLOW));
        result = result.blend(0.0, y.compare(VectorOperators.LT, UNDERFLOW));
        result = result.blend(Double.POSITIVE_INFINITY, y.compare(VectorOperators.GT, OVERFLOW));
        return result.blend(y, y.test(VectorOperators.IS_NAN));
    }

    /** {@code exp(y)} for {@code y} in {@code [-700, 709.78]}, where the caller has checked every lane is. */
    static DoubleVector withinRange(DoubleVector y) {
        DoubleVector shifted = y.fma(INV_LN2, SHIFT);
        DoubleVector kd = shifted.sub(SHIFT);
        // two fused steps: k ln 2 taken off in its two parts, each rounded once
        DoubleVector r = kd.fma(MINUS_LN2_LO, kd.fma(MINUS_LN2_HI, y));
        // Estrin's grouping: independent pairs, then three levels, a chain of 5 operations where Horner's is 10
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector s0 = r.fma(C3, C2).fma(r2, r.fma(C1, C0));
        DoubleVector s1 = r.fma(C7, C6).fma(r2, r.fma(C5, C4));
        DoubleVector s2 = r2.fma(C10, r.fma(C9, C8));
        DoubleVector p = s2.fma(r4, s1).fma(r4, s0);
        // |k| <= 1024 and exp(r) in [0.7, 1.5): the exponent field stays within the normal range
        // shifted's bits are SHIFT's plus k, and SHIFT's low 12 bits are zero: shifted left by 52 they are k's alone
        LongVector kInExponent = shifted.reinterpretAsLongs().lanewise(VectorOperators.LSHL, MANTISSA_BITS);
        return p.reinterpretAsLongs().add(kInExponent).reinterpretAsDoubles();
    }
}
