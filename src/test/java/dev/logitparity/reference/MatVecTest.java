package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgmlType;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference engine's projections are bit-reproducible: the Vector API kernel gives the scalar oracle's numbers to
 * the last bit (0 ulp, not a bound: both follow {@link MatVec}'s one summation order and never fuse a multiply-add),
 * that order is the documented one, and the result does not depend on the number of threads.
 */
class MatVecTest {

    private static final ValueLayout.OfShort HALF_LE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Test
    void vectorKernelMatchesTheScalarOracleToTheBitOnEveryTypeAndShape() {
        Random random = new Random(13);
        // 896 and 4864 are Qwen2-0.5B's widths; 32 and 96 leave no tail; F32/F16 also get tails of 1..15 columns
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.F16, GgmlType.Q8_0}) {
            for (int columns : new int[] {32, 96, 896, 4864, 1, 15, 37, 901}) {
                if (columns % type.blockSize() != 0) {
                    continue;
                }
                float[] weights = new float[7 * columns];
                for (int i = 0; i < weights.length; i++) {
                    // magnitudes over 2^±12, so that summation order shows in the last bits
                    weights[i] = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(25) - 12));
                }
                WeightMatrix m = matrix(type, weights, 7, columns);
                double[] x = random.doubles(columns, -3, 3).toArray();
                assertArrayEquals(bits(multiply(new ScalarMatVec(), m, x)), bits(multiply(new VectorMatVec(), m, x)),
                        type + " x " + columns);
            }
        }
    }

    @Test
    void vectorKernelDecodesHalvesAsFloat16ToFloat() {
        // every subnormal, and in each other exponent (infinities and NaNs included) the mantissas at the edges and
        // in between, both signs; row i holds half i in column i mod 16 and +0 elsewhere, x is all ones, so the row's
        // sum is that half's value
        int[] halves = IntStream.range(0, 1 << 16).filter(h -> {
            int exponent = (h >> 10) & 0x1F;
            int mantissa = h & 0x3FF;
            return exponent == 0 || Set.of(0, 1, 2, 0x155, 0x1FF, 0x200, 0x2AA, 0x3FE, 0x3FF).contains(mantissa);
        }).toArray();
        int columns = 16;
        MemorySegment data = Arena.ofAuto().allocate((long) halves.length * columns * Short.BYTES);
        for (int i = 0; i < halves.length; i++) {
            data.set(HALF_LE, ((long) i * columns + i % columns) * Short.BYTES, (short) halves[i]);
        }
        double[] ones = new double[columns];
        Arrays.fill(ones, 1);
        double[] y = multiply(new VectorMatVec(), new WeightMatrix(GgmlType.F16, data, halves.length, columns), ones);
        for (int i = 0; i < halves.length; i++) {
            assertEquals(Float.float16ToFloat((short) halves[i]), y[i], 0.0,
                    "half 0x" + Integer.toHexString(halves[i]));
        }
    }

    @Test
    void bothKernelsSumInTheDocumentedOrder() {
        // columns 0 and 16 share partial sum 0, where 2^60 and -2^60 cancel exactly; columns 1..15 give 1 each to the
        // other partials; column 32 is the tail. In column order the ones vanish against 2^60 instead: 0 + 0.5.
        float[] row = new float[33];
        row[0] = 0x1p60f;
        row[16] = -0x1p60f;
        Arrays.fill(row, 1, 16, 1f);
        row[32] = 0.5f;
        double[] ones = new double[33];
        Arrays.fill(ones, 1);
        WeightMatrix m = matrix(GgmlType.F32, row, 1, 33);
        assertEquals(15.5, multiply(new ScalarMatVec(), m, ones)[0], 0.0);
        assertEquals(15.5, multiply(new VectorMatVec(), m, ones)[0], 0.0);
    }

    @Test
    void projectionDoesNotDependOnTheNumberOfThreads() {
        Random random = new Random(7);
        int rows = 300;
        int columns = 512; // rows x columns above Linear's threshold, so Linear splits the rows across RowWorkers
        float[] weights = gaussian(random, rows * columns);
        WeightMatrix m = matrix(GgmlType.Q8_0, weights, rows, columns);
        double[] x = random.doubles(columns, -1, 1).toArray();
        double[] single = splitAcross(0, m, x);
        double[] many = splitAcross(5, m, x);
        assertArrayEquals(bits(single), bits(many));
        assertArrayEquals(bits(multiply(new ScalarMatVec(), m, x)), bits(single));
        Linear linear = new Linear(m, random.doubles(rows).toArray());
        double[] y = new double[rows];
        linear.apply(new double[][] {x}, 1, new double[][] {y}, Ops.Rounding.NONE);
        for (int r = 0; r < rows; r++) {
            single[r] += linear.bias()[r];
        }
        assertArrayEquals(bits(single), bits(y));
    }

    /** Several inputs at once (a batch of positions) read each row once, and give each input its own sum, to the bit. */
    @Test
    void aBatchOfInputsGivesEachTheSumItGetsAlone() {
        Random random = new Random(11);
        int rows = 37;
        int columns = 96;
        float[] weights = gaussian(random, rows * columns);
        double[][] xs = new double[3][];
        for (int t = 0; t < xs.length; t++) {
            xs[t] = random.doubles(columns, -1, 1).toArray();
        }
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.F16, GgmlType.Q8_0}) {
            WeightMatrix m = matrix(type, weights, rows, columns);
            for (MatVec kernel : new MatVec[] {new ScalarMatVec(), new VectorMatVec()}) {
                double[][] ys = new double[xs.length][rows];
                // rows [5, 30) only: the others must stay untouched
                kernel.multiply(m, xs, xs.length, ys, 5, 30);
                for (int t = 0; t < xs.length; t++) {
                    double[] alone = multiply(new ScalarMatVec(), m, xs[t]);
                    Arrays.fill(alone, 0, 5, 0);
                    Arrays.fill(alone, 30, rows, 0);
                    assertArrayEquals(bits(alone), bits(ys[t]), type + " " + kernel.getClass().getSimpleName()
                            + " input " + t);
                }
            }
        }
    }

    /**
     * The Q8_0 kernel reads a few bytes past each row, which a matrix's last row has not got: every range of rows,
     * with the last one or without it, reads only its matrix (the data is allocated to size, so a read past it would
     * throw) and gives the oracle's sums in its rows and nothing elsewhere.
     */
    @Test
    void everyRangeOfRowsGivesTheOraclesSumsAndReadsOnlyItsMatrix() {
        Random random = new Random(17);
        int rows = 5;
        int columns = 64;
        float[] weights = gaussian(random, rows * columns);
        double[] x = random.doubles(columns, -1, 1).toArray();
        for (GgmlType type : new GgmlType[] {GgmlType.F32, GgmlType.F16, GgmlType.Q8_0}) {
            WeightMatrix m = matrix(type, weights, rows, columns);
            double[] all = multiply(new ScalarMatVec(), m, x);
            for (int from = 0; from <= rows; from++) {
                for (int to = from; to <= rows; to++) {
                    double[] expected = all.clone();
                    Arrays.fill(expected, 0, from, 0);
                    Arrays.fill(expected, to, rows, 0);
                    double[] y = new double[rows];
                    new VectorMatVec().multiply(m, x, y, from, to);
                    assertArrayEquals(bits(expected), bits(y), type + " rows [" + from + ", " + to + ")");
                }
            }
        }
    }

    /** {@code m·x} in 37 chunks on the calling thread and {@code helpers} more. */
    private static double[] splitAcross(int helpers, WeightMatrix m, double[] x) {
        double[] y = new double[m.rows()];
        try (RowWorkers workers = new RowWorkers(helpers)) {
            workers.split(m.rows(), 37, (from, to) -> new VectorMatVec().multiply(m, x, y, from, to));
        }
        return y;
    }

    /** {@code count} standard Gaussian weights drawn from {@code random}, as floats. */
    private static float[] gaussian(Random random, int count) {
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        return weights;
    }

    private static double[] multiply(MatVec kernel, WeightMatrix m, double[] x) {
        double[] y = new double[m.rows()];
        kernel.multiply(m, x, y, 0, m.rows());
        return y;
    }

    private static WeightMatrix matrix(GgmlType type, float[] weights, int rows, int columns) {
        MemorySegment data = Arena.ofAuto().allocate(type.byteSize(weights.length));
        GgmlQuants.encode(type, weights, 0, weights.length, data, 0);
        return new WeightMatrix(type, data, rows, columns);
    }

    private static long[] bits(double[] values) {
        return Arrays.stream(values).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
