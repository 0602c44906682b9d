package dev.logitparity.logits;

/**
 * {@code exp} to within about one ulp of {@link Math#exp}, at a fraction of its cost in the comparator's inner loop,
 * which needs one or two per logit.
 * <p>
 * {@link #exp}: table-driven as in glibc's and ARM's optimized-routines {@code exp}: {@code y = (k / N) ln 2 + r}
 * with {@code |r| <= ln 2 / 2N}, so {@code exp(y) = 2^(k / N) * exp(r)}, where {@code 2^(j / N)} comes from a table
 * of N = 1024 doubles (8 KB, resident in L1) and {@code exp(r)} from a degree-4 Taylor polynomial whose truncation
 * error ({@code r^5 / 120 < 4e-20}) is far below one ulp.
 * <p>
 * {@link #expNear}: for the small differences between two runtimes' logits of one token, a plain degree-7 Taylor
 * polynomial, cheaper still (truncation error {@code t^8 / 8! < 3e-17} for {@code |t| <= 1/32}).
 */
public final class FastExp {
    /** The largest |t| {@link #expNear} takes. */
    public static final double NEAR = 1.0 / 32;

    private static final int TABLE_BITS = 10;
    private static final int N = 1 << TABLE_BITS;
    private static final double N_OVER_LN2 = N / Math.log(2);
    // fdlibm's split of ln 2: the high part has 21 trailing zero bits, so k * LN2_HI is exact for every k used here.
    private static final double LN2_OVER_N_HI = 6.93147180369123816490e-01 / N;
    private static final double LN2_OVER_N_LO = 1.90821492927058770002e-10 / N;
    // Adding 1.5 * 2^52 rounds to an integer held in the low mantissa bits (round-to-nearest, no Math.round call).
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** Below this exp(y) < 1e-304: nothing a sum holding a row maximum's exp(0) = 1 can register. */
    private static final double UNDERFLOW = -700;
    /** Above this exp(y) overflows a double. */
    private static final double OVERFLOW = 709.78;
    private static final long[] SCALE_BITS = new long[N];

    static {
        for (int j = 0; j < N; j++) {
            SCALE_BITS[j] = Double.doubleToRawLongBits(StrictMath.pow(2, (double) j / N));
        }
    }

    private FastExp() {
    }

    /** {@code exp(y)}: 0 below -700 (and for -Infinity), +Infinity where it overflows, NaN for NaN. */
    public static double exp(double y) {
        if (!(y >= UNDERFLOW && y <= OVERFLOW)) {
            return y > 0 ? Double.POSITIVE_INFINITY : y == y ? 0.0 : y;
        }
        double shifted = y * N_OVER_LN2 + SHIFT;
        long k = Double.doubleToRawLongBits(shifted) - SHIFT_BITS;
        double kd = shifted - SHIFT;
        double r = (y - kd * LN2_OVER_N_HI) - kd * LN2_OVER_N_LO;
        // |k / N| <= 1024, so the exponent field stays within the normal range.
        double scale = Double.longBitsToDouble(SCALE_BITS[(int) k & (N - 1)] + ((k >> TABLE_BITS) << 52));
        // Estrin's grouping rather than Horner's: shorter dependency chains let more elements overlap in flight.
        double r2 = r * r;
        double p = (1 + r) + r2 * ((1.0 / 2 + r * (1.0 / 6)) + r2 * (1.0 / 24));
        return scale * p;
    }

    /** {@code exp(t)} for {@code |t| <= NEAR}; exactly 1 for t = 0. */
    public static double expNear(double t) {
        double t2 = t * t;
        double t4 = t2 * t2;
        return ((1 + t) + t2 * (1.0 / 2 + t * (1.0 / 6)))
                + t4 * ((1.0 / 24 + t * (1.0 / 120)) + t2 * (1.0 / 720 + t * (1.0 / 5040)));
    }
}
