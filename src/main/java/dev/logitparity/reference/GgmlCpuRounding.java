package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgmlType;

import java.lang.foreign.MemorySegment;

/**
 * The roundings ggml's CPU backend applies to activations, for {@link Ops.Rounding#GGML_CPU}: before a matrix
 * product, the activations are converted to the weight's {@code vec_dot_type} (F16 for F16 weights, Q8_0 blocks for
 * Q8_0 weights, float for F32), and GELU is read from a table indexed by the fp16 input, holding fp16 outputs
 * ({@code ggml_vec_gelu_f32} under {@code GGML_GELU_FP16}). Everything else stays in double: what remains between the
 * two engines is then float-versus-double noise.
 */
final class GgmlCpuRounding {

    /** {@code ggml_vec_gelu_f32} returns these limits as they are rather than looking them up. */
    private static final double GELU_TABLE_LOW = -10;
    private static final double GELU_TABLE_HIGH = 10;
    private static final int QK8_0 = 32;

    private GgmlCpuRounding() {
    }

    /** {@code x} as ggml hands it to a dot product with a row of {@code weightType}. */
    static double[] matmulInput(GgmlType weightType, double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        switch (weightType) {
            case F32 -> { }
            case Q8_0 -> quantizeQ8_0AsX86(f);
            default -> {
                // fp32 -> fp16 and back: the values the half dot product sees
                MemorySegment encoded = MemorySegment.ofArray(new byte[(int) weightType.byteSize(x.length)]);
                GgmlQuants.encode(weightType, f, 0, f.length, encoded, 0);
                GgmlQuants.decode(weightType, encoded, 0, f, 0, f.length);
            }
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    /**
     * Activations quantised in place as the x86 CPU backend does before a Q8_0 dot product ({@code quantize_row_q8_0}
     * under AVX/AVX2, which every x86-64 variant from haswell up compiles): scale by {@code 127 / amax} and round half
     * to even. Not {@code quantize_row_q8_0_ref}, which divides by {@code amax / 127} and rounds half away from zero:
     * the two put an activation on different integers often enough to move a step by 1e-3.
     */
    private static void quantizeQ8_0AsX86(float[] f) {
        for (int block = 0; block < f.length; block += QK8_0) {
            float amax = 0;
            for (int j = block; j < block + QK8_0; j++) {
                amax = Math.max(amax, Math.abs(f[j]));
            }
            float d = Float.float16ToFloat(Float.floatToFloat16(amax / 127f));
            float id = amax != 0 ? 127f / amax : 0f;
            for (int j = block; j < block + QK8_0; j++) {
                f[j] = (float) Math.rint(f[j] * id) * d;
            }
        }
    }

    /** GELU through ggml's fp16 table: {@code fp16(gelu(fp16(v)))} inside (-10, 10). */
    static double gelu(double v) {
        if (v <= GELU_TABLE_LOW) {
            return 0;
        }
        if (v >= GELU_TABLE_HIGH) {
            return v;
        }
        return toHalf(Activations.gelu(toHalf(v)));
    }

    private static double toHalf(double v) {
        return Float.float16ToFloat(Float.floatToFloat16((float) v));
    }
}
