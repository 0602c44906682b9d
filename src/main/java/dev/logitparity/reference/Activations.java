package dev.logitparity.reference;

/** The feed-forward activations, in double, as ggml defines them. */
final class Activations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    /** {@code GELU_COEF_A} in ggml's {@code vec.h}. */
    private static final double GELU_COEF_A = 0.044715;

    private Activations() {
    }

    /** {@code ggml_gelu}: GELU's tanh approximation, not the erf form. */
    static double gelu(double v) {
        return 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * v * (1 + GELU_COEF_A * v * v)));
    }

    /** {@code ggml_silu}: {@code v · sigmoid(v)}. */
    static double silu(double v) {
        return v / (1 + Math.exp(-v));
    }
}
