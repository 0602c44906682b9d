package dev.logitparity.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Bit-exact Java versions of ggml's reference row codecs ({@code ggml/src/ggml-quants.c}) for the types this project
 * generates and reads: F32, F16 and Q8_0. "Bit-exact" means the same float operations in the same order, so a Q8_0
 * block written here is byte-identical to {@code quantize_row_q8_0_ref} and a decoded value equals
 * {@code dequantize_row_q8_0}.
 */
public final class GgmlQuants {

    /** The types {@link #decode} and {@link #encode} handle. */
    public static final Set<GgmlType> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0));

    private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort HALF_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int QK8_0 = 32;

    private GgmlQuants() {
    }

    /**
     * Decodes {@code n} values (a whole number of blocks) stored at byte {@code offset} of {@code src} into
     * {@code dst[dstOff, dstOff + n)}.
     */
    public static void decode(GgmlType type, MemorySegment src, long offset, float[] dst, int dstOff, int n) {
        checkBlocks(type, n);
        switch (type) {
            case F32 -> MemorySegment.copy(src, FLOAT_LE, offset, dst, dstOff, n);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = Float.float16ToFloat(src.get(HALF_LE, offset + 2L * i));
                }
            }
            case Q8_0 -> {
                for (int b = 0; b < n / QK8_0; b++) {
                    long block = offset + (long) b * GgmlType.Q8_0.bytesPerBlock();
                    float d = Float.float16ToFloat(src.get(HALF_LE, block));
                    int base = dstOff + b * QK8_0;
                    for (int j = 0; j < QK8_0; j++) {
                        dst[base + j] = src.get(ValueLayout.JAVA_BYTE, block + 2 + j) * d;
                    }
                }
            }
            default -> throw unsupported(type);
        }
    }

    /**
     * Encodes {@code src[srcOff, srcOff + n)} (a whole number of blocks) as {@code type} at byte {@code offset} of
     * {@code dst}, which must hold {@code type.byteSize(n)} bytes there.
     */
    public static void encode(GgmlType type, float[] src, int srcOff, int n, MemorySegment dst, long offset) {
        checkBlocks(type, n);
        switch (type) {
            case F32 -> MemorySegment.copy(src, srcOff, dst, FLOAT_LE, offset, n);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    dst.set(HALF_LE, offset + 2L * i, Float.floatToFloat16(src[srcOff + i]));
                }
            }
            case Q8_0 -> {
                for (int b = 0; b < n / QK8_0; b++) {
                    quantizeBlockQ8_0(src, srcOff + b * QK8_0, dst, offset + (long) b * GgmlType.Q8_0.bytesPerBlock());
                }
            }
            default -> throw unsupported(type);
        }
    }

    /** {@code quantize_row_q8_0_ref} for one block: the scale is computed in float, then stored rounded to fp16. */
    private static void quantizeBlockQ8_0(float[] x, int from, MemorySegment dst, long block) {
        float amax = 0.0f;
        for (int j = 0; j < QK8_0; j++) {
            amax = Math.max(amax, Math.abs(x[from + j]));
        }
        float d = amax / ((1 << 7) - 1);
        float id = d != 0.0f ? 1.0f / d : 0.0f;
        dst.set(HALF_LE, block, Float.floatToFloat16(d));
        for (int j = 0; j < QK8_0; j++) {
            dst.set(ValueLayout.JAVA_BYTE, block + 2 + j, (byte) roundHalfAwayFromZero(x[from + j] * id));
        }
    }

    /** C's {@code roundf}; Java's {@link Math#round} rounds halves up and {@link Math#rint} to even, both differ. */
    static float roundHalfAwayFromZero(float x) {
        // the sum is exact in double for every float this sees (|x| <= 127.5), so no double rounding occurs
        return Math.copySign((float) Math.floor(Math.abs((double) x) + 0.5), x);
    }

    private static void checkBlocks(GgmlType type, int n) {
        if (n % type.blockSize() != 0) {
            throw new IllegalArgumentException(n + " values is not a whole number of " + type + " blocks of " + type.blockSize());
        }
    }

    private static UnsupportedOperationException unsupported(GgmlType type) {
        return new UnsupportedOperationException("type " + type + " is not supported (supported: " + SUPPORTED + ")");
    }
}
