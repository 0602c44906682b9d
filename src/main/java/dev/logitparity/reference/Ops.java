package dev.logitparity.reference;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The operations a forward pass is built from. Each architecture has the set llama.cpp uses for it
 * ({@link ReferenceArchitecture#ops()}); any other set runs the same weights through different arithmetic — e.g. GPT-2
 * with RMSNorm, or without its position embeddings, or LLaMA with NeoX RoPE — to reproduce what a runtime that
 * applies the wrong architecture's ops computes.
 *
 * @param norm              how every norm (attention, feed-forward, output) normalises before its gain and bias
 * @param rope              rotary position embedding applied to Q and K, or none
 * @param positionEmbedding add the learned {@code position_embd} row to the token embedding
 * @param feedForward       the feed-forward block's shape and activation
 * @param rounding          {@code NONE}: double throughout, the reference proper; {@code GGML_CPU}: activations
 *                          rounded as ggml's CPU backend rounds them, to tell its rounding apart from a real defect
 */
public record Ops(Norm norm, Rope rope, boolean positionEmbedding, FeedForward feedForward, Rounding rounding) {

    /** {@code ggml_norm} (LayerNorm: centre, then scale to unit variance) or {@code ggml_rms_norm}. */
    public enum Norm { LAYER_NORM, RMS_NORM }

    /**
     * {@code GGML_ROPE_TYPE_NORMAL} rotates adjacent pairs (2i, 2i+1); {@code GGML_ROPE_TYPE_NEOX} rotates
     * (i, i + n_rot/2). Both turn pair i by {@code pos · base^(-2i/n_rot)}.
     */
    public enum Rope { NONE, NORMAL, NEOX }

    /**
     * {@code GELU}: {@code down(gelu(up(x)))}, GELU in its tanh form as {@code ggml_gelu} defines it (GPT-2).
     * {@code SWIGLU}: {@code down(silu(gate(x)) * up(x))} (LLaMA, Qwen2).
     */
    public enum FeedForward { GELU, SWIGLU }

    /**
     * {@code GGML_CPU}: each projection's input rounded to what ggml's dot product for the weight type sees (float,
     * F16, or Q8_0 blocks quantised as {@code quantize_row_q8_0}), GELU read through ggml's fp16 table. The rest,
     * KV cache included, stays double: compare against llama.cpp run with an F32 KV cache and flash attention off.
     * {@code FLOAT32}: see there.
     */
    public enum Rounding {
        NONE, GGML_CPU,
        /**
         * An fp32 runtime (PyTorch in float32, an fp32 port): every projection's input and output stored as float,
         * no activation quantisation. Not llama.cpp's arithmetic, nor exact: a correct runtime nobody here wrote,
         * to check that the noise floor does not call one a bug.
         */
        FLOAT32
    }

    /** The ops of {@code arch} as llama.cpp builds them, in exact (double) arithmetic. */
    static Ops exact(Norm norm, Rope rope, boolean positionEmbedding, FeedForward feedForward) {
        return new Ops(norm, rope, positionEmbedding, feedForward, Rounding.NONE);
    }

    public Ops withNorm(Norm newNorm) {
        return new Ops(newNorm, rope, positionEmbedding, feedForward, rounding);
    }

    public Ops withRope(Rope newRope) {
        return new Ops(norm, newRope, positionEmbedding, feedForward, rounding);
    }

    public Ops withPositionEmbedding(boolean on) {
        return new Ops(norm, rope, on, feedForward, rounding);
    }

    public Ops withFeedForward(FeedForward newFeedForward) {
        return new Ops(norm, rope, positionEmbedding, newFeedForward, rounding);
    }

    public Ops withRounding(Rounding newRounding) {
        return new Ops(norm, rope, positionEmbedding, feedForward, newRounding);
    }

    /** The settings a trace records, lower-case values: {@code norm=rms_norm, rope=neox, ...}. */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("norm", norm.name().toLowerCase(Locale.ROOT));
        out.put("rope", rope.name().toLowerCase(Locale.ROOT));
        out.put("position_embedding", positionEmbedding ? "on" : "off");
        out.put("feed_forward", feedForward.name().toLowerCase(Locale.ROOT));
        out.put("rounding", rounding.name().toLowerCase(Locale.ROOT));
        return out;
    }
}
