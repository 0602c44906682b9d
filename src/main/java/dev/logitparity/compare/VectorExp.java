package dev.logitparity.compare;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp} on four doubles at once, within about one ulp of {@link Math#exp} like the scalar
 * {@code logits.FastExp}, but without its table (a table lookup is a gather, which vectors do badly):
 * {@code y = k ln 2 + r} with {@code |r| <= ln 2 / 2}, {@code exp(y) = 2^k exp(r)}, {@code exp(r)} a degree-13 Taylor
 * polynomial (truncation error {@code r^14 / 14! < 5e-18}) in Horner's form with fused multiply-adds (every AVX2
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
    private static final double[] C = new double[14];

    static {
        double factorial = 1;
        for (int n = 0; n < C.length; n++) {
            factorial *= Math.max(1, n);
            C[n] = 1 / factorial;
        }
    }

    private VectorExp() {
    }

    /** {@code exp(y)} lane by lane: 0 below -700 (and for -Infinity), +Infinity where it overflows, NaN for NaN. */
    static DoubleVector exp(DoubleVector y) {
        DoubleVector clamped = y.max(UNDERFLOW).min(OVERFLOW);
        DoubleVector shifted = clamped.mul(INV_LN2).add(SHIFT);
        DoubleVector kd = shifted.sub(SHIFT);
        DoubleVector r = clamped.sub(kd.mul(LN2_HI)).sub(kd.mul(LN2_LO));
        DoubleVector p = DoubleVector.broadcast(D4, C[C.length - 1]);
        for (int n = C.length - 2; n >= 0; n--) {
            p = p.fma(r, DoubleVector.broadcast(D4, C[n]));
        }
        // |k| <= 1024 and exp(r) in [0.7, 1.5): the exponent field stays within the normal range
        LongVector k = shifted.reinterpretAsLongs().sub(SHIFT_BITS);
        DoubleVector result = p.reinterpretAsLongs().add(k.lanewise(VectorOperators.LSHL, MANTISSA_BITS))
                .reinterpretAsDoubles();
        result = result.blend(0.0, y.compare(VectorOperators.LT, UNDERFLOW));
        result = result.blend(Double.POSITIVE_INFINITY, y.compare(VectorOperators.GT, OVERFLOW));
        return result.blend(y, y.test(VectorOperators.IS_NAN));
    }
}
