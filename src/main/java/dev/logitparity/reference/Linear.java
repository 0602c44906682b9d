package dev.logitparity.reference;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * {@code y = W·x (+ b)}: a projection as llama.cpp's {@code build_lora_mm} followed by the optional bias add.
 *
 * <p>Output rows are split across the common fork-join pool. Each row's sum is computed by one thread in one fixed
 * order, so the result does not depend on the number of threads.
 */
record Linear(WeightMatrix weight, double[] bias) {

    /** Below this many multiply-adds a projection runs on the calling thread: forking costs more than it saves. */
    private static final long PARALLEL_THRESHOLD = 1 << 16;
    /** Row chunks per available processor, so a core that is busy elsewhere delays only a small share. */
    private static final int CHUNKS_PER_CORE = 8;

    Linear {
        if (bias != null && bias.length != weight.rows()) {
            throw new IllegalArgumentException("bias of " + bias.length + " for " + weight.rows() + " outputs");
        }
    }

    /** Outputs {@code [from, from + count)} alone, as a projection of their own (Q, K, V out of a fused QKV). */
    Linear rowSlice(int from, int count) {
        double[] b = bias == null ? null : Arrays.copyOfRange(bias, from, from + count);
        return new Linear(weight.rowSlice(from, count), b);
    }

    /** Writes {@code W·x + b} into {@code y[0, outputs)}, {@code x} first rounded as {@code rounding} says. */
    void apply(double[] input, double[] y, Ops.Rounding rounding) {
        double[] x = switch (rounding) {
            case NONE -> input;
            case GGML_CPU -> GgmlCpuRounding.matmulInput(weight.type(), input);
            case FLOAT32 -> toFloat(input.clone());
        };
        int rows = weight.rows();
        if ((long) rows * weight.columns() < PARALLEL_THRESHOLD) {
            applyRows(x, y, 0, rows);
        } else {
            int chunks = Math.min(rows, Runtime.getRuntime().availableProcessors() * CHUNKS_PER_CORE);
            IntStream.range(0, chunks).parallel().forEach(chunk -> applyRows(x, y, (int) ((long) rows * chunk / chunks),
                    (int) ((long) rows * (chunk + 1) / chunks)));
        }
        if (rounding == Ops.Rounding.FLOAT32) {
            for (int r = 0; r < rows; r++) {
                y[r] = (float) y[r];
            }
        }
    }

    private static double[] toFloat(double[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) values[i];
        }
        return values;
    }

    private void applyRows(double[] x, double[] y, int from, int to) {
        MatVec.selected().multiply(weight, x, y, from, to);
        if (bias != null) {
            for (int r = from; r < to; r++) {
                y[r] += bias[r];
            }
        }
    }
}
