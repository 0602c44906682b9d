package dev.logitparity.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The tensors llama.cpp's loader requires for each architecture ({@code load_arch_tensors} in
 * {@code src/models/{gpt2,llama,qwen2}.cpp}) and how each is initialised.
 *
 * <p>Scales are chosen so an untrained model still behaves like a language model at the logit level:
 * <ul>
 *   <li>Every norm (LayerNorm or RMSNorm) brings its input to unit RMS, and matrices are drawn with standard
 *       deviation {@code gain/sqrt(fan_in)}, so a projection with gain 1 keeps unit scale.</li>
 *   <li>The LM head (for tied models, the token embedding that doubles as it) gets {@code LOGIT_STD/sqrt(n_embd)},
 *       so the logits' standard deviation is about {@code LOGIT_STD}: greedy choices are not coin flips, and the top
 *       tokens are not separated by huge margins.</li>
 *   <li>Q, K and V projections get gain {@link #QKV_GAIN}, so attention scores spread about 9 and attention is
 *       selective. With gain 1 the scores have unit spread, attention is close to a plain average of the context, the
 *       hidden state barely moves from one position to the next, and greedy decoding locks onto one token (measured:
 *       2 distinct tokens in 64 steps for the small tied qwen2, whose own embedding in the residual stream further
 *       boosts the token just emitted). Gain 2 fixes the small models but not the 12–30-layer benchmark shapes
 *       (2 distinct tokens in 32 for the GPT-2 124M shape); with gain 3 the small models emit 29–32 distinct tokens
 *       in 32 steps and the benchmark shapes 25–28.</li>
 * </ul>
 */
final class ModelLayout {

    static final double LOGIT_STD = 2.0;
    static final double QKV_GAIN = 3.0;
    /** Norm gains vary a little around 1 so a wrong gain (or a skipped one) shows in the logits. */
    private static final WeightInit NORM_GAIN = new WeightInit(1.0, 0.05);
    /** Small biases, non-zero so that a runtime that ignores them is caught. */
    private static final WeightInit BIAS = WeightInit.centred(0.05);

    private ModelLayout() {
    }

    static List<PlannedTensor> tensors(ModelSpec spec, int vocabSize) {
        ModelDimensions d = spec.dims();
        long embd = d.embeddingLength();
        long ff = d.feedForwardLength();
        long kv = d.kvLength();
        boolean gpt2 = spec.arch() == Architecture.GPT2;
        WeightInit head = WeightInit.centred(LOGIT_STD / Math.sqrt(embd));

        List<PlannedTensor> t = new ArrayList<>();
        t.add(matrix("token_embd.weight", embd, vocabSize, head));
        if (gpt2) {
            t.add(matrix("position_embd.weight", embd, d.contextLength(), head));
        }
        for (int i = 0; i < d.blockCount(); i++) {
            String blk = "blk." + i + ".";
            norm(t, blk + "attn_norm", embd, gpt2);
            switch (spec.arch()) {
                case GPT2 -> linear(t, blk + "attn_qkv", embd, embd + 2 * kv, QKV_GAIN, true);
                case LLAMA, QWEN2 -> {
                    boolean qkvBias = spec.arch() == Architecture.QWEN2;
                    linear(t, blk + "attn_q", embd, embd, QKV_GAIN, qkvBias);
                    linear(t, blk + "attn_k", embd, kv, QKV_GAIN, qkvBias);
                    linear(t, blk + "attn_v", embd, kv, QKV_GAIN, qkvBias);
                }
            }
            linear(t, blk + "attn_output", embd, embd, 1, gpt2);
            norm(t, blk + "ffn_norm", embd, gpt2);
            if (!gpt2) {
                linear(t, blk + "ffn_gate", embd, ff, 1, false);
            }
            linear(t, blk + "ffn_up", embd, ff, 1, gpt2);
            linear(t, blk + "ffn_down", ff, embd, 1, gpt2);
        }
        norm(t, "output_norm", embd, gpt2);
        if (!spec.tiedOutput()) {
            t.add(matrix("output.weight", embd, vocabSize, head));
        }
        return List.copyOf(t);
    }

    private static PlannedTensor matrix(String name, long in, long out, WeightInit init) {
        return new PlannedTensor(name, List.of(in, out), init);
    }

    private static void linear(List<PlannedTensor> t, String name, long in, long out, double gain, boolean bias) {
        t.add(matrix(name + ".weight", in, out, WeightInit.centred(gain / Math.sqrt(in))));
        if (bias) {
            t.add(new PlannedTensor(name + ".bias", List.of(out), BIAS));
        }
    }

    /** A norm's gain, and for LayerNorm (GPT-2) its bias. */
    private static void norm(List<PlannedTensor> t, String name, long width, boolean layerNorm) {
        t.add(new PlannedTensor(name + ".weight", List.of(width), NORM_GAIN));
        if (layerNorm) {
            t.add(new PlannedTensor(name + ".bias", List.of(width), BIAS));
        }
    }
}
