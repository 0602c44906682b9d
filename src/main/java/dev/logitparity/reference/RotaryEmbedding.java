package dev.logitparity.reference;

/**
 * RoPE as {@code ggml_rope_ext} applies it without scaling: pair i of the first {@code dimensions} values of a head
 * turns by {@code pos · base^(-2i/dimensions)}; values past {@code dimensions} pass through. The angles are computed
 * directly in double, where ggml builds them by repeated float multiplication.
 */
final class RotaryEmbedding {

    private final Ops.Rope mode;
    private final int dimensions;
    private final double[] inverseFrequencies;

    RotaryEmbedding(Ops.Rope mode, int dimensions, double base) {
        this.mode = mode;
        this.dimensions = dimensions;
        this.inverseFrequencies = new double[dimensions / 2];
        for (int i = 0; i < inverseFrequencies.length; i++) {
            inverseFrequencies[i] = Math.pow(base, -2.0 * i / dimensions);
        }
    }

    /** Rotates {@code heads} consecutive heads of {@code headLength} values in {@code v}, in place, for {@code pos}. */
    void rotate(double[] v, int heads, int headLength, int pos) {
        if (mode == Ops.Rope.NONE) {
            return;
        }
        int half = dimensions / 2;
        for (int i = 0; i < half; i++) {
            double angle = pos * inverseFrequencies[i];
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            // NORMAL pairs neighbours (2i, 2i+1); NEOX pairs the two halves (i, i + dimensions/2)
            int first = mode == Ops.Rope.NORMAL ? 2 * i : i;
            int second = mode == Ops.Rope.NORMAL ? 2 * i + 1 : i + half;
            for (int h = 0; h < heads; h++) {
                int base = h * headLength;
                double x0 = v[base + first];
                double x1 = v[base + second];
                v[base + first] = x0 * cos - x1 * sin;
                v[base + second] = x0 * sin + x1 * cos;
            }
        }
    }
}
