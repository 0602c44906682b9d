package dev.logitparity.synthetic;

/**
 * How a tensor's values are drawn: independently, uniformly on {@code [mean - std*sqrt(3), mean + std*sqrt(3)]}, so
 * the values have the given mean and standard deviation. Uniform rather than Gaussian keeps the values bounded and
 * the generator a few integer operations per weight.
 */
public record WeightInit(double mean, double std) {

    private static final double SQRT3 = Math.sqrt(3.0);

    public WeightInit {
        if (!(std >= 0) || !Double.isFinite(mean) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("invalid weight distribution: mean " + mean + ", std " + std);
        }
    }

    /** Zero-mean values of the given standard deviation. */
    public static WeightInit centred(double std) {
        return new WeightInit(0, std);
    }

    /** Fills {@code dst} with row {@code row} of {@code tensor} under {@code seed}. */
    public void fill(long seed, String tensor, long row, float[] dst) {
        SplitMix64 rng = SplitMix64.forRow(seed, tensor, row);
        double halfWidth = std * SQRT3;
        for (int i = 0; i < dst.length; i++) {
            dst[i] = (float) (mean + halfWidth * rng.nextSymmetric());
        }
    }
}
