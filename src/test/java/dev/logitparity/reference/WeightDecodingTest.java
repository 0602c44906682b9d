package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.gguf.GgufWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine reads weights from the file as ggml defines them: hand-written Q8_0 and F16 tensors, read back through
 * the mapped file, by row and block address, and through the double dot product, give the hand-computed values
 * exactly. (ggml's per-block decoding itself is {@code GgmlQuantsTest}'s subject; this is the engine's use of it.)
 */
class WeightDecodingTest {

    private static final float SMALLEST_SUBNORMAL = 0x1p-24f;

    /** Q8_0, 2 rows of 2 blocks: a scale of 0.5, a subnormal scale, a zero scale, a negative scale. */
    private static final float[][] Q8_EXPECTED = new float[2][64];
    /** F16, 2 rows of 4: smallest and largest subnormal, -0, the largest finite; 1/3, -2, smallest normal, 1. */
    private static final float[][] F16_EXPECTED = {
            {SMALLEST_SUBNORMAL, 1023 * SMALLEST_SUBNORMAL, -0.0f, 65504f},
            {0.333251953125f, -2f, 0x1p-14f, 1f}};

    private static GgufFile file;

    @BeforeAll
    static void writeTensors(@TempDir Path dir) throws IOException {
        ByteBuffer q8 = ByteBuffer.allocate((int) GgmlType.Q8_0.byteSize(128)).order(ByteOrder.LITTLE_ENDIAN);
        q8Block(q8, 0x3800, -128, -1, 0, 1, 127);     // d = 0.5
        q8Block(q8, 0x0001, -128, 3);                  // d = 2^-24, subnormal: flushing it would give zeros
        q8Block(q8, 0x0000, 127, -128);                // d = 0
        q8Block(q8, 0xB800, 2, -128);                  // d = -0.5
        float[] row0 = Q8_EXPECTED[0];
        row0[0] = -64f;
        row0[1] = -0.5f;
        row0[3] = 0.5f;
        row0[4] = 63.5f;
        row0[32] = -128 * SMALLEST_SUBNORMAL;
        row0[33] = 3 * SMALLEST_SUBNORMAL;
        float[] row1 = Q8_EXPECTED[1];
        row1[1] = -0.0f; // -128 * +0 in float
        row1[32] = -1f;
        row1[33] = 64f;
        Arrays.fill(row1, 34, 64, -0.0f); // 0 * -0.5
        ByteBuffer f16 = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int bits : new int[] {0x0001, 0x03FF, 0x8000, 0x7BFF, 0x3555, 0xC000, 0x0400, 0x3C00}) {
            f16.putShort((short) bits);
        }
        Path gguf = dir.resolve("weights.gguf");
        new GgufWriter()
                .addRawTensor("q8.weight", GgmlType.Q8_0, List.of(64L, 2L), q8.array())
                .addRawTensor("f16.weight", GgmlType.F16, List.of(4L, 2L), f16.array())
                .write(gguf);
        file = GgufFile.open(gguf);
    }

    @AfterAll
    static void close() {
        file.close();
    }

    private static void q8Block(ByteBuffer out, int scaleBits, int... quants) {
        int start = out.position();
        out.putShort((short) scaleBits);
        for (int q : quants) {
            out.put((byte) q);
        }
        out.position(start + GgmlType.Q8_0.bytesPerBlock());
    }

    @Test
    void q8_0RowsDecodeToTheHandComputedWeights() {
        assertRows(Q8_EXPECTED, matrix("q8.weight"));
    }

    @Test
    void f16RowsDecodeToTheHandComputedWeightsSubnormalsIncluded() {
        assertRows(F16_EXPECTED, matrix("f16.weight"));
    }

    @Test
    void dotProductSeesEachWeightExactly() {
        for (String name : new String[] {"q8.weight", "f16.weight"}) {
            WeightMatrix m = matrix(name);
            float[][] expected = name.startsWith("q8") ? Q8_EXPECTED : F16_EXPECTED;
            double[] unit = new double[m.columns()];
            for (int r = 0; r < m.rows(); r++) {
                for (int c = 0; c < m.columns(); c++) {
                    unit[c] = 1;
                    // a zero delta compares values: the sum of signed zeros from 0 is +0
                    assertEquals(expected[r][c], dot(m, r, unit), 0.0, name + "[" + r + "][" + c + "]");
                    unit[c] = 0;
                }
            }
        }
    }

    @Test
    void dotProductAccumulatesInDouble() {
        WeightMatrix q8 = matrix("q8.weight");
        double[] x = new double[64];
        Arrays.fill(x, 1);
        x[4] = 0x1p20;
        // -64 - 0.5 + 0.5 + 63.5 * 2^20 + (3 - 128) * 2^-24: a float sum loses the subnormal block's share
        double exact = 63.5 * 0x1p20 - 64 - 125 * 0x1p-24;
        assertEquals(exact, dot(q8, 0, x));
        assertEquals(63.0, dot(q8, 1, x));
    }

    @Test
    void rowSliceAddressesTheRowsOfAFusedProjection() {
        float[] row = new float[64];
        matrix("q8.weight").rowSlice(1, 1).decodeRow(0, row);
        assertEquals(floatBits(Q8_EXPECTED[1]), floatBits(row));
    }

    /** Row {@code r} of {@code m} times {@code x} by each kernel, which must agree to the bit. */
    private static double dot(WeightMatrix m, int r, double[] x) {
        double[] scalar = new double[m.rows()];
        double[] vector = new double[m.rows()];
        new ScalarMatVec().multiply(m, x, scalar, r, r + 1);
        new VectorMatVec().multiply(m, x, vector, r, r + 1);
        assertEquals(scalar[r], vector[r], 0.0, "vector kernel against the scalar one");
        return scalar[r];
    }

    private static WeightMatrix matrix(String name) {
        GgufTensorInfo t = file.tensor(name);
        return new WeightMatrix(t.type(), file.tensorData(name), (int) t.rowCount(), (int) t.rowLength());
    }

    private static void assertRows(float[][] expected, WeightMatrix m) {
        float[] row = new float[m.columns()];
        for (int r = 0; r < expected.length; r++) {
            m.decodeRow(r, row);
            assertEquals(floatBits(expected[r]), floatBits(row), "row " + r);
        }
    }

    /** Bit patterns, so -0.0 and +0.0 count as different. */
    private static List<Integer> floatBits(float[] values) {
        return IntStream.range(0, values.length).mapToObj(i -> Float.floatToRawIntBits(values[i]))
                .toList();
    }
}
