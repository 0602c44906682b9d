package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlType;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * {@link MatVec} on the Vector API: each F32 or Q8_0 row is decoded 16 columns at a time straight from the mapped file
 * into two 8-lane float vectors (no scratch row), widened to four 4-lane double vectors, multiplied by {@code x} and
 * added to four accumulators, reduced lane by lane in {@link MatVec}'s fixed order.
 */
final class VectorMatVec implements MatVec {

    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfShort HALF_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    private static final int QK8_0 = 32;

    @Override
    public void multiply(WeightMatrix w, double[] x, double[] y, int from, int to) {
        float[] decoded = w.type() == GgmlType.F16 ? new float[w.columns()] : null;
        // the decoded row read as F32 data: x86-64 holds a float[] little-endian, as GGUF stores F32
        MemorySegment decodedRow = decoded == null ? null : MemorySegment.ofArray(decoded);
        for (int r = from; r < to; r++) {
            long offset = r * w.rowBytes();
            y[r] = switch (w.type()) {
                case F32 -> dotF32(w.data(), offset, x, w.columns());
                case F16 -> {
                    // GgmlQuants' Float.float16ToFloat loop compiles to the CPU's half-to-float instructions, faster
                    // than any Vector API bit manipulation
                    w.decodeRow(r, decoded);
                    yield dotF32(decodedRow, 0, x, w.columns());
                }
                case Q8_0 -> dotQ8_0(w.data(), offset, x, w.columns());
                default -> throw new IllegalArgumentException("cannot decode " + w.type());
            };
        }
    }

    private static double dotF32(MemorySegment row, long offset, double[] x, int n) {
        DoubleVector a0 = DoubleVector.zero(D4);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int body = n - n % STRIDE;
        for (int c = 0; c < body; c += STRIDE) {
            long at = offset + Float.BYTES * (long) c;
            FloatVector low = FloatVector.fromMemorySegment(F8, row, at, LE);
            FloatVector high = FloatVector.fromMemorySegment(F8, row, at + 32, LE);
            a0 = step(a0, low, 0, x, c);
            a1 = step(a1, low, 1, x, c + 4);
            a2 = step(a2, high, 0, x, c + 8);
            a3 = step(a3, high, 1, x, c + 12);
        }
        DoubleVector t = a0.add(a1).add(a2.add(a3));
        double sum = (t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3));
        for (int c = body; c < n; c++) {
            sum += row.get(FLOAT_LE, offset + Float.BYTES * (long) c) * x[c];
        }
        return sum;
    }

    /**
     * Each block's 32 quants times its fp16 scale in float, exactly the float {@code dequantize_row_q8_0} stores
     * (q·d has at most 8 + 11 significant bits, so the float product is exact).
     */
    private static double dotQ8_0(MemorySegment row, long offset, double[] x, int n) {
        DoubleVector a0 = DoubleVector.zero(D4);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        long blockBytes = GgmlType.Q8_0.bytesPerBlock();
        for (int c = 0; c < n; c += QK8_0) {
            long block = offset + c / QK8_0 * blockBytes;
            float d = Float.float16ToFloat(row.get(HALF_LE, block));
            for (int half = 0; half < QK8_0; half += STRIDE) {
                long quants = block + Short.BYTES + half;
                FloatVector low = quants(row, quants).mul(d);
                FloatVector high = quants(row, quants + 8).mul(d);
                int c0 = c + half;
                a0 = step(a0, low, 0, x, c0);
                a1 = step(a1, low, 1, x, c0 + 4);
                a2 = step(a2, high, 0, x, c0 + 8);
                a3 = step(a3, high, 1, x, c0 + 12);
            }
        }
        DoubleVector t = a0.add(a1).add(a2.add(a3));
        return (t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3));
    }

    private static FloatVector quants(MemorySegment row, long at) {
        return (FloatVector) ByteVector.fromMemorySegment(B8, row, at, LE).convertShape(VectorOperators.B2F, F8, 0);
    }

    /**
     * One accumulator's share of 16 columns: half {@code part} of eight decoded floats, widened to double, times
     * {@code x[c..c+3]}, added. Columns {@code c..c+7} of a stride feed accumulators 0 and 1, {@code c+8..c+15} 2
     * and 3. (Conversions between species of one lane count, or to halves of one, compile to single instructions;
     * byte straight to double does not, hence the float stage. The vectors stay in locals: held in an
     * object's fields they are boxed, 100 times slower.)
     */
    private static DoubleVector step(DoubleVector acc, FloatVector eight, int part, double[] x, int c) {
        DoubleVector w = (DoubleVector) eight.convertShape(VectorOperators.F2D, D4, part);
        return acc.add(w.mul(DoubleVector.fromArray(D4, x, c)));
    }
}
