package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlType;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * {@link MatVec} on the Vector API: each F32 or Q8_0 row is decoded straight from the mapped file (no scratch row),
 * widened to 4-lane double vectors, multiplied by {@code x} and added to four accumulators in turn, reduced lane by
 * lane in {@link MatVec}'s fixed order. Several inputs (the positions of a batch)
 * decode each row once into doubles instead and share it: the same weights in the same order, so the same sums.
 */
final class VectorMatVec implements MatVec {

    private static final VectorSpecies<Double> D4 = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F8 = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I8 = IntVector.SPECIES_256;
    private static final VectorSpecies<Integer> I4 = IntVector.SPECIES_128;
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LE);
    private static final ValueLayout.OfShort HALF_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LE);
    private static final int QK8_0 = 32;
    private static final long Q8_0_BLOCK_BYTES = GgmlType.Q8_0.bytesPerBlock();
    /** How far past its row {@link #dotQ8_0} reads: an 8-byte load for the last four of 32 quants. */
    private static final int Q8_0_OVERREAD = 4;

    @Override
    public void multiply(WeightMatrix w, double[][] xs, int count, double[][] ys, int from, int to) {
        if (count == 1 && w.type() == GgmlType.F32) {
            streamF32(w, xs[0], ys[0], from, to);
        } else if (count == 1 && w.type() == GgmlType.Q8_0) {
            streamQ8_0(w, xs[0], ys[0], from, to);
        } else {
            multiplyDecoded(w, xs, count, ys, from, to);
        }
    }

    // The Q8_0 and batch kernels below are written out whole, their reductions and their loads included: C2 declined
    // to inline helpers into methods that large ("callee uses too much stack", "NodeCountInliningCutoff"), and a
    // vector passed to or returned from a call that is not inlined is boxed on the heap, which made the Q8_0 kernel
    // 2-3 times slower. (dotF32's
    // small step helper does inline: the F32 kernel runs as fast as written out.)

    private static void streamF32(WeightMatrix w, double[] x, double[] y, int from, int to) {
        for (int r = from; r < to; r++) {
            y[r] = dotF32(w.data(), r * w.rowBytes(), x, w.columns());
        }
    }

    /**
     * {@link #dotQ8_0} reads {@link #Q8_0_OVERREAD} bytes past the row it multiplies, which every row but the
     * matrix's last has to spare; that one is decoded whole and multiplied by {@link #dot}, the same sum.
     */
    private static void streamQ8_0(WeightMatrix w, double[] x, double[] y, int from, int to) {
        int spared = (int) Math.clamp((w.data().byteSize() - Q8_0_OVERREAD) / w.rowBytes(), from, to);
        for (int r = from; r < spared; r++) {
            y[r] = dotQ8_0(w.data(), r * w.rowBytes(), x, w.columns());
        }
        if (spared < to) {
            multiplyDecoded(w, new double[][] {x}, 1, new double[][] {y}, spared, to);
        }
    }

    /**
     * Decodes each row once, widened to double, and multiplies every input by it, three inputs to a pass over the
     * row: each load of a weight vector then serves three products. Q8_0 decodes on the Vector API; F32 and F16
     * through GgmlQuants and a widening loop (F16 goes this way even for one input: GgmlQuants'
     * Float.float16ToFloat loop compiles to the CPU's half-to-float instructions, faster than any Vector API bit
     * manipulation).
     */
    private static void multiplyDecoded(WeightMatrix w, double[][] xs, int count, double[][] ys, int from, int to) {
        int n = w.columns();
        float[] decoded = w.type() == GgmlType.Q8_0 ? null : new float[n];
        double[] row = new double[n];
        for (int r = from; r < to; r++) {
            if (w.type() == GgmlType.Q8_0) {
                decodeQ8_0(w.data(), r * w.rowBytes(), row);
            } else {
                w.decodeRow(r, decoded);
                for (int c = 0; c < n; c++) {
                    row[c] = decoded[c];
                }
            }
            int t = 0;
            for (; t + 3 <= count; t += 3) {
                dotThree(row, xs[t], xs[t + 1], xs[t + 2], ys[t], ys[t + 1], ys[t + 2], r);
            }
            for (; t < count; t++) {
                ys[t][r] = dot(row, xs[t]);
            }
        }
    }

    /** {@link #dotQ8_0}'s decode alone, into {@code row}: the same doubles, stored rather than multiplied. */
    private static void decodeQ8_0(MemorySegment data, long offset, double[] row) {
        for (int c = 0; c < row.length; c += QK8_0) {
            long block = offset + (long) (c / QK8_0) * Q8_0_BLOCK_BYTES;
            double d = Float.float16ToFloat(data.get(HALF_LE, block));
            for (int eighth = 0; eighth < QK8_0; eighth += 8) {
                IntVector quants = (IntVector) ByteVector.fromMemorySegment(B8, data, block + Short.BYTES + eighth, LE)
                        .convertShape(VectorOperators.B2I, I8, 0);
                ((DoubleVector) quants.convertShape(VectorOperators.I2D, D4, 0)).mul(d).intoArray(row, c + eighth);
                ((DoubleVector) quants.convertShape(VectorOperators.I2D, D4, 1)).mul(d).intoArray(row, c + eighth + 4);
            }
        }
    }

    private static double dot(double[] w, double[] x) {
        DoubleVector a0 = DoubleVector.zero(D4);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        int body = w.length - w.length % STRIDE;
        for (int c = 0; c < body; c += STRIDE) {
            a0 = a0.add(DoubleVector.fromArray(D4, w, c).mul(DoubleVector.fromArray(D4, x, c)));
            a1 = a1.add(DoubleVector.fromArray(D4, w, c + 4).mul(DoubleVector.fromArray(D4, x, c + 4)));
            a2 = a2.add(DoubleVector.fromArray(D4, w, c + 8).mul(DoubleVector.fromArray(D4, x, c + 8)));
            a3 = a3.add(DoubleVector.fromArray(D4, w, c + 12).mul(DoubleVector.fromArray(D4, x, c + 12)));
        }
        DoubleVector t = a0.add(a1).add(a2.add(a3));
        return withTail((t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3)), w, x, body);
    }

    /** {@link #dot} of {@code w} with each of three inputs, into {@code y0[r]}, {@code y1[r]}, {@code y2[r]}. */
    private static void dotThree(double[] w, double[] x0, double[] x1, double[] x2, double[] y0, double[] y1,
                                 double[] y2, int r) {
        DoubleVector a0 = DoubleVector.zero(D4);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        DoubleVector b0 = a0;
        DoubleVector b1 = a0;
        DoubleVector b2 = a0;
        DoubleVector b3 = a0;
        DoubleVector c0 = a0;
        DoubleVector c1 = a0;
        DoubleVector c2 = a0;
        DoubleVector c3 = a0;
        int body = w.length - w.length % STRIDE;
        for (int c = 0; c < body; c += STRIDE) {
            DoubleVector w0 = DoubleVector.fromArray(D4, w, c);
            DoubleVector w1 = DoubleVector.fromArray(D4, w, c + 4);
            DoubleVector w2 = DoubleVector.fromArray(D4, w, c + 8);
            DoubleVector w3 = DoubleVector.fromArray(D4, w, c + 12);
            a0 = a0.add(w0.mul(DoubleVector.fromArray(D4, x0, c)));
            a1 = a1.add(w1.mul(DoubleVector.fromArray(D4, x0, c + 4)));
            a2 = a2.add(w2.mul(DoubleVector.fromArray(D4, x0, c + 8)));
            a3 = a3.add(w3.mul(DoubleVector.fromArray(D4, x0, c + 12)));
            b0 = b0.add(w0.mul(DoubleVector.fromArray(D4, x1, c)));
            b1 = b1.add(w1.mul(DoubleVector.fromArray(D4, x1, c + 4)));
            b2 = b2.add(w2.mul(DoubleVector.fromArray(D4, x1, c + 8)));
            b3 = b3.add(w3.mul(DoubleVector.fromArray(D4, x1, c + 12)));
            c0 = c0.add(w0.mul(DoubleVector.fromArray(D4, x2, c)));
            c1 = c1.add(w1.mul(DoubleVector.fromArray(D4, x2, c + 4)));
            c2 = c2.add(w2.mul(DoubleVector.fromArray(D4, x2, c + 8)));
            c3 = c3.add(w3.mul(DoubleVector.fromArray(D4, x2, c + 12)));
        }
        DoubleVector t = a0.add(a1).add(a2.add(a3));
        y0[r] = withTail((t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3)), w, x0, body);
        t = b0.add(b1).add(b2.add(b3));
        y1[r] = withTail((t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3)), w, x1, body);
        t = c0.add(c1).add(c2.add(c3));
        y2[r] = withTail((t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3)), w, x2, body);
    }

    /** Step 3: columns from {@code body} on, one at a time. */
    private static double withTail(double sum, double[] w, double[] x, int body) {
        for (int c = body; c < w.length; c++) {
            sum += w[c] * x[c];
        }
        return sum;
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
     * Each block's 32 quants widened to double and times its fp16 scale: exactly the float {@code dequantize_row_q8_0}
     * stores (q·d has at most 8 + 11 significant bits, so the product is exact in float and in double alike). Each
     * four quants are sign-extended to four ints from an 8-byte load of their own and converted to four doubles, one
     * instruction each; widening eight ints at once needs a lane shuffle for the upper four, which made this kernel
     * a third slower. The last four quants' load runs {@link #Q8_0_OVERREAD} bytes into the next block.
     */
    private static double dotQ8_0(MemorySegment row, long offset, double[] x, int n) {
        DoubleVector a0 = DoubleVector.zero(D4);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        DoubleVector a3 = a0;
        for (int b = 0; b < n / QK8_0; b++) {
            long block = offset + b * Q8_0_BLOCK_BYTES;
            long quants = block + Short.BYTES;
            int c = b * QK8_0;
            DoubleVector d = DoubleVector.broadcast(D4, Float.float16ToFloat(row.get(HALF_LE, block)));
            a0 = a0.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c)));
            a1 = a1.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 4, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 4)));
            a2 = a2.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 8, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 8)));
            a3 = a3.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 12, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 12)));
            a0 = a0.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 16, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 16)));
            a1 = a1.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 20, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 20)));
            a2 = a2.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 24, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 24)));
            a3 = a3.add(((DoubleVector) ByteVector.fromMemorySegment(B8, row, quants + 28, LE)
                    .convertShape(VectorOperators.B2I, I4, 0).convertShape(VectorOperators.I2D, D4, 0))
                    .mul(d).mul(DoubleVector.fromArray(D4, x, c + 28)));
        }
        DoubleVector t = a0.add(a1).add(a2.add(a3));
        return (t.lane(0) + t.lane(1)) + (t.lane(2) + t.lane(3));
    }

    /**
     * One accumulator's share of 16 columns: half {@code part} of eight floats, widened to double, times
     * {@code x[c..c+3]}, added. Columns {@code c..c+7} of a stride feed accumulators 0 and 1, {@code c+8..c+15} 2
     * and 3. (Conversions between species of one lane count, or to halves of one, compile to single instructions;
     * byte straight to double does not, hence the int stage of Q8_0. The vectors stay in locals: held in an
     * object's fields they are boxed, 100 times slower.)
     */
    private static DoubleVector step(DoubleVector acc, FloatVector eight, int part, double[] x, int c) {
        DoubleVector w = (DoubleVector) eight.convertShape(VectorOperators.F2D, D4, part);
        return acc.add(w.mul(DoubleVector.fromArray(D4, x, c)));
    }
}
