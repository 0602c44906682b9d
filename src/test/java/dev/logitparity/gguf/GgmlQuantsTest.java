package dev.logitparity.gguf;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GgmlQuantsTest {

    /** One Q8_0 block: fp16 scale bits, then 32 int8 quants (the rest zero). */
    private static MemorySegment q8Block(int scaleBits, int... quants) {
        ByteBuffer b = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) scaleBits);
        for (int q : quants) {
            b.put((byte) q);
        }
        return MemorySegment.ofArray(b.array());
    }

    private static float[] decodeQ8(MemorySegment block) {
        float[] out = new float[32];
        GgmlQuants.decode(GgmlType.Q8_0, block, 0, out, 0, 32);
        return out;
    }

    @Test
    void q8_0DecodeMultipliesEachQuantByTheFp16Scale() {
        // 0x3800 is fp16 0.5; -128 is the one quant the quantiser never emits but a file may hold
        float[] v = decodeQ8(q8Block(0x3800, -128, -1, 0, 1, 127, 3));
        assertEquals(-64.0f, v[0]);
        assertEquals(-0.5f, v[1]);
        assertEquals(0.0f, v[2]);
        assertEquals(0.5f, v[3]);
        assertEquals(63.5f, v[4]);
        assertEquals(1.5f, v[5]);
        assertEquals(0.0f, v[31]);
    }

    @Test
    void q8_0ZeroScaleBlockDecodesToZeros() {
        float[] v = decodeQ8(q8Block(0x0000, 127, -128, 5));
        float[] expected = new float[32];
        expected[1] = -0.0f; // q * d in float, as in C: a negative quant times +0 is -0
        assertArrayEquals(expected, v);
    }

    @Test
    void q8_0SubnormalScaleIsHonoured() {
        // 0x0001 is the smallest fp16 subnormal, 2^-24; flushing it to zero would give 0
        float[] v = decodeQ8(q8Block(0x0001, -128, 3));
        assertEquals(-128 * 0x1p-24f, v[0]);
        assertEquals(-0x1p-17f, v[0]);
        assertEquals(3 * 0x1p-24f, v[1]);
    }

    @Test
    void q8_0NegativeScaleFlipsSigns() {
        float[] v = decodeQ8(q8Block(0xB800, 2, -128)); // -0.5
        assertEquals(-1.0f, v[0]);
        assertEquals(64.0f, v[1]);
    }

    @Test
    void f16DecodeCoversNormalsSubnormalsAndSpecials() {
        short[] bits = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, (short) 0x8000, 0x7C00, 0x3555};
        ByteBuffer b = ByteBuffer.allocate(2 * bits.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : bits) {
            b.putShort(s);
        }
        float[] v = new float[bits.length];
        GgmlQuants.decode(GgmlType.F16, MemorySegment.ofArray(b.array()), 0, v, 0, v.length);
        assertEquals(1.0f, v[0]);
        assertEquals(-2.0f, v[1]);
        assertEquals(65504.0f, v[2]);
        assertEquals(0x1p-24f, v[3]);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(v[4]));
        assertEquals(Float.POSITIVE_INFINITY, v[5]);
        assertEquals(0.333251953125f, v[6]); // fp16 nearest to 1/3
    }

    @Test
    void q8_0QuantiseMatchesGgmlReferenceIncludingRoundHalfAwayFromZero() {
        // amax 127 gives d = 1 exactly, so each quant is roundf(x): halves go away from zero, unlike Math.round
        // (which sends -2.5 to -2) and Math.rint (which sends 2.5 to 2)
        float[] x = new float[32];
        x[0] = 127f;
        x[1] = 2.5f;
        x[2] = -2.5f;
        x[3] = 0.5f;
        x[4] = -0.5f;
        x[5] = 1.4999999f;
        x[6] = -127f;
        x[7] = 0.49999997f;
        byte[] out = new byte[34];
        GgmlQuants.encode(GgmlType.Q8_0, x, 0, 32, MemorySegment.ofArray(out), 0);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x3C00, b.getShort(0)); // fp16 1.0
        assertArrayEquals(new byte[] {127, 3, -3, 1, -1, 1, -127, 0, 0}, java.util.Arrays.copyOfRange(out, 2, 11));
    }

    @Test
    void q8_0QuantiseStoresTheRoundedScaleButQuantisesWithTheExactOne() {
        // amax 31: d = 31/127 = 0.24409449 (float), stored as fp16 0x33D0 = 0.2441406; quants use id = 1/d in float
        float[] x = new float[32];
        for (int j = 0; j < 32; j++) {
            x[j] = j - 1; // -1 .. 30, then the max below
        }
        x[31] = 31;
        byte[] out = new byte[34];
        GgmlQuants.encode(GgmlType.Q8_0, x, 0, 32, MemorySegment.ofArray(out), 0);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x33D0, b.getShort(0) & 0xFFFF);
        assertEquals(0.244140625f, Float.float16ToFloat(b.getShort(0)));
        assertEquals(127, out[2 + 31]);
        assertEquals(-4, out[2]);  // -1 * 4.0967741 = -4.097 -> -4
        assertEquals(119, out[2 + 30]); // 29 * 4.0967741 = 118.806 -> 119
        assertEquals(41, out[2 + 11]); // 10 * 4.0967741 = 40.968 -> 41
    }

    @Test
    void q8_0AllZeroBlockHasZeroScaleAndQuants() {
        byte[] out = new byte[34];
        java.util.Arrays.fill(out, (byte) 0x55);
        GgmlQuants.encode(GgmlType.Q8_0, new float[32], 0, 32, MemorySegment.ofArray(out), 0);
        assertArrayEquals(new byte[34], out);
    }

    @Test
    void f16EncodeRoundsToNearestEven() {
        // 1 + 2^-11 lies exactly between fp16 1.0 and 1.0009765625: ties go to the even mantissa, 1.0
        float[] x = {1.0f + 0x1p-11f, 1.0f + 3 * 0x1p-11f};
        byte[] out = new byte[4];
        GgmlQuants.encode(GgmlType.F16, x, 0, 2, MemorySegment.ofArray(out), 0);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x3C00, b.getShort(0));
        assertEquals(0x3C02, b.getShort(2));
    }

    @Test
    void partialBlocksAndUnsupportedTypesAreRejected() {
        float[] x = new float[16];
        byte[] out = new byte[64];
        assertThrows(IllegalArgumentException.class,
                () -> GgmlQuants.encode(GgmlType.Q8_0, x, 0, 16, MemorySegment.ofArray(out), 0));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> GgmlQuants.decode(GgmlType.Q4_K, MemorySegment.ofArray(out), 0, new float[256], 0, 256));
        assertEquals(true, e.getMessage().contains("Q4_K"));
    }

    @Test
    void roundHalfAwayFromZeroMatchesCRoundf() {
        assertEquals(3f, GgmlQuants.roundHalfAwayFromZero(2.5f));
        assertEquals(-3f, GgmlQuants.roundHalfAwayFromZero(-2.5f));
        assertEquals(0f, GgmlQuants.roundHalfAwayFromZero(0.49999997f));
        assertEquals(127f, GgmlQuants.roundHalfAwayFromZero(126.50001f));
        assertEquals(-1f, GgmlQuants.roundHalfAwayFromZero(-0.5f));
    }
}
