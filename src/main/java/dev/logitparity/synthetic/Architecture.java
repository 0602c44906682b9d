package dev.logitparity.synthetic;

import java.util.Locale;

/**
 * The architectures the project generates test models for, with what distinguishes them in GGUF: the
 * {@code general.architecture} name, the real tokenizer each borrows, and the per-arch hyper-parameters that llama.cpp
 * reads ({@code src/models/<arch>.cpp}, {@code load_arch_hparams}).
 */
public enum Architecture {
    /** LayerNorm with biases, fused QKV, GELU MLP, learned position embeddings. */
    GPT2("gpt2", "ggml-vocab-gpt-2.gguf", "attention.layer_norm_epsilon", 1e-5f, 0f),
    /** RMSNorm, separate Q/K/V without biases, SwiGLU, RoPE (Llama 2 / SmolLM). */
    LLAMA("llama", "ggml-vocab-llama-spm.gguf", "attention.layer_norm_rms_epsilon", 1e-5f, 10_000f),
    /** As llama, plus Q/K/V biases and Qwen2's RoPE base and epsilon. */
    QWEN2("qwen2", "ggml-vocab-qwen2.gguf", "attention.layer_norm_rms_epsilon", 1e-6f, 1_000_000f);

    private final String ggufName;
    private final String vocabFile;
    private final String normEpsilonKey;
    private final float normEpsilon;
    private final float ropeFreqBase;

    Architecture(String ggufName, String vocabFile, String normEpsilonKey, float normEpsilon, float ropeFreqBase) {
        this.ggufName = ggufName;
        this.vocabFile = vocabFile;
        this.normEpsilonKey = normEpsilonKey;
        this.normEpsilon = normEpsilon;
        this.ropeFreqBase = ropeFreqBase;
    }

    /** {@code general.architecture} and the prefix of the arch's keys. */
    public String ggufName() {
        return ggufName;
    }

    /** The tokenizer-only GGUF in llama.cpp's {@code models/} whose {@code tokenizer.*} keys the model copies. */
    public String vocabFile() {
        return vocabFile;
    }

    /** The norm epsilon key without the arch prefix: GPT-2 reads LayerNorm's, the others RMSNorm's. */
    public String normEpsilonKey() {
        return normEpsilonKey;
    }

    public float normEpsilon() {
        return normEpsilon;
    }

    /** RoPE base, or 0 for GPT-2, which has no rotary embedding. */
    public float ropeFreqBase() {
        return ropeFreqBase;
    }

    public boolean usesRope() {
        return ropeFreqBase > 0;
    }

    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.ggufName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "' (known: gpt2, llama, qwen2)");
    }
}
