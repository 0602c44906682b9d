package dev.logitparity.reference;

import java.util.Arrays;

/**
 * {@code y = W·x (+ b)}: a projection as llama.cpp's {@code build_lora_mm} followed by the optional bias add.
 *
 * <p>Output rows are split across {@link RowWorkers#SHARED}. Each row's sum is computed by one thread in one fixed
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

    /**
     * Writes {@code W·x + b} into {@code ys[t][0, outputs)} for each {@code x = inputs[t]}, {@code t < count}, first
     * rounded as {@code rounding} says: the positions of a batch at once, each weight row read once for all of them,
     * each output the same to the bit as for that input alone.
     */
    void apply(double[][] inputs, int count, double[][] ys, Ops.Rounding rounding) {
        double[][] xs = new double[count][];
        for (int t = 0; t < count; t++) {
            xs[t] = switch (rounding) {
                case NONE -> inputs[t];
                case GGML_CPU -> GgmlCpuRounding.matmulInput(weight.type(), inputs[t]);
                case FLOAT32 -> toFloat(inputs[t].clone());
            };
        }
        int rows = weight.rows();
        if ((long) rows * weight.columns() * count < PARALLEL_THRESHOLD) {
            applyRows(xs, count, ys, 0, rows);
        } else {
            int chunks = Math.min(rows, Runtime.getRuntime().availableProcessors() * CHUNKS_PER_CORE);
            RowWorkers.SHARED.split(rows, chunks, (from, to) -> applyRows(xs, count, ys, from, to));
        }
        if (rounding == Ops.Rounding.FLOAT32) {
            for (int t = 0; t < count; t++) {
                toFloat(ys[t], rows);
            }
        }
    }

    private static double[] toFloat(double[] values) {
        return toFloat(values, values.length);
    }

    private static double[] toFloat(double[] values, int length) {
        for (int i = 0; i < length; i++) {
            values[i] = (float) values[i];
        }
        return values;
    }

    private void applyRows(double[][] xs, int count, double[][] ys, int from, int to) {
        MatVec.selected().multiply(weight, xs, count, ys, from, to);
        if (bias != null) {
            for (int t = 0; t < count; t++) {
                for (int r = from; r < to; r++) {
                    ys[t][r] += bias[r];
                }
            }
        }
    }
}
