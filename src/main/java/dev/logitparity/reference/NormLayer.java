package dev.logitparity.reference;

/**
 * A norm with its gain and optional bias: {@code ggml_norm} or {@code ggml_rms_norm}, then {@code ggml_mul} by the
 * gain and {@code ggml_add} of the bias, as llama.cpp's {@code build_norm}.
 */
record NormLayer(Ops.Norm kind, double epsilon, double[] gain, double[] bias) {

    void apply(double[] x, double[] out) {
        int n = gain.length;
        double mean = 0;
        if (kind == Ops.Norm.LAYER_NORM) {
            for (int i = 0; i < n; i++) {
                mean += x[i];
            }
            mean /= n;
        }
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double centred = x[i] - mean;
            squares += centred * centred;
        }
        // LayerNorm divides by the standard deviation, RMSNorm by the root mean square: with mean 0 they coincide
        double scale = 1 / Math.sqrt(squares / n + epsilon);
        for (int i = 0; i < n; i++) {
            out[i] = (x[i] - mean) * scale * gain[i] + (bias == null ? 0 : bias[i]);
        }
    }
}
