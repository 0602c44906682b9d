package dev.logitparity.reference;

import dev.logitparity.BadInputException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The architectures the reference engine runs, each with what llama.cpp decides for it: the ops of its graph
 * ({@code src/models/<arch>.cpp}), its rope type ({@code llama_model_rope_type}) and which norm epsilon key its
 * hyper-parameter loader reads.
 */
public enum ReferenceArchitecture {
    /** LayerNorm with biases, learned position embeddings, fused QKV, GELU; every bias is required. */
    GPT2("gpt2", "attention.layer_norm_epsilon",
            Ops.exact(Ops.Norm.LAYER_NORM, Ops.Rope.NONE, true, Ops.FeedForward.GELU),
            true, EnumSet.of(BiasSite.NORM, BiasSite.QKV, BiasSite.ATTENTION_OUTPUT, BiasSite.FEED_FORWARD)),
    /** RMSNorm, RoPE on adjacent pairs, SwiGLU; projection biases are optional. */
    LLAMA("llama", "attention.layer_norm_rms_epsilon",
            Ops.exact(Ops.Norm.RMS_NORM, Ops.Rope.NORMAL, false, Ops.FeedForward.SWIGLU),
            false, EnumSet.of(BiasSite.QKV, BiasSite.ATTENTION_OUTPUT, BiasSite.FEED_FORWARD)),
    /** As LLaMA with NeoX RoPE (rotating halves); Q/K/V and LM-head biases are optional. */
    QWEN2("qwen2", "attention.layer_norm_rms_epsilon",
            Ops.exact(Ops.Norm.RMS_NORM, Ops.Rope.NEOX, false, Ops.FeedForward.SWIGLU),
            false, EnumSet.of(BiasSite.QKV, BiasSite.LM_HEAD));

    /** Where llama.cpp's loader for an architecture reads bias tensors; a bias anywhere else is ignored, as there. */
    enum BiasSite { NORM, QKV, ATTENTION_OUTPUT, FEED_FORWARD, LM_HEAD }

    private final String ggufName;
    private final String normEpsilonKey;
    private final Ops ops;
    private final boolean fixedLayout;
    private final Set<BiasSite> biasSites;

    ReferenceArchitecture(String ggufName, String normEpsilonKey, Ops ops, boolean fixedLayout,
                          Set<BiasSite> biasSites) {
        this.ggufName = ggufName;
        this.normEpsilonKey = normEpsilonKey;
        this.ops = ops;
        this.fixedLayout = fixedLayout;
        this.biasSites = biasSites;
    }

    /** {@code general.architecture}, and the prefix of the architecture's metadata keys. */
    public String ggufName() {
        return ggufName;
    }

    /** The norm epsilon key, without the architecture prefix. */
    public String normEpsilonKey() {
        return normEpsilonKey;
    }

    /** The ops llama.cpp's graph for this architecture uses. */
    public Ops ops() {
        return ops;
    }

    /**
     * GPT-2's loader requires the fused {@code attn_qkv} and every bias; the others take fused or separate Q/K/V and
     * treat their biases as optional.
     */
    boolean fixedLayout() {
        return fixedLayout;
    }

    boolean readsBias(BiasSite site) {
        return biasSites.contains(site);
    }

    /** @throws BadInputException naming the file and the architecture when the engine does not know it */
    static ReferenceArchitecture of(String name, Path file) {
        for (ReferenceArchitecture a : values()) {
            if (a.ggufName.equals(name)) {
                return a;
            }
        }
        throw new BadInputException(file + ": architecture '" + name + "' is not supported by the reference engine"
                + " (supported: " + Arrays.stream(values()).map(ReferenceArchitecture::ggufName).toList() + ")");
    }
}
