package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlType;

import java.util.ArrayList;
import java.util.List;

/** The models the project generates: small ones for tests, and real-model shapes for benchmarks. */
public final class ModelCatalog {

    public static final long DEFAULT_SEED = 42;

    /**
     * The trained model's name: {@code models/kjv-llama-f32.gguf} is committed (trained by {@code models/train/}),
     * its F16 and Q8_0 twins are made by {@code make models} ({@link TypeTwin}).
     */
    public static final String TRAINED_LLAMA = "kjv-llama";

    /** The storage types every small model is written in; the three files of one arch share their float weights. */
    public static final List<GgmlType> SMALL_TYPES = List.of(GgmlType.F32, GgmlType.F16, GgmlType.Q8_0);

    private ModelCatalog() {
    }

    /**
     * A small model: n_embd 64, 2 blocks, 4 heads (2 KV heads where the arch has GQA), ff 128, context 256. Llama is
     * untied (explicit {@code output.weight}); gpt2 and qwen2 are tied, as the real models are.
     */
    public static ModelSpec small(Architecture arch, GgmlType type, long seed) {
        int kvHeads = arch == Architecture.GPT2 ? 4 : 2;
        return new ModelSpec(arch.ggufName(), arch, type, new ModelDimensions(64, 2, 4, kvHeads, 128, 256),
                arch != Architecture.LLAMA, seed, arch.vocabFile());
    }

    /** Every arch in every {@link #SMALL_TYPES} type: 9 specs. */
    public static List<ModelSpec> smallModels(long seed) {
        List<ModelSpec> specs = new ArrayList<>();
        for (Architecture arch : Architecture.values()) {
            for (GgmlType type : SMALL_TYPES) {
                specs.add(small(arch, type, seed));
            }
        }
        return List.copyOf(specs);
    }

    /** Qwen2-0.5B's shape with the real 151,936-token Qwen2 tokenizer, Q8_0, tied. About 0.5 GB. */
    public static ModelSpec qwen2HalfBillionShape(long seed) {
        return new ModelSpec("qwen2-0.5b-shape", Architecture.QWEN2, GgmlType.Q8_0,
                new ModelDimensions(896, 24, 14, 2, 4864, 32768), true, seed, Architecture.QWEN2.vocabFile());
    }

    /** SmolLM-135M's shape (a llama) with the 32,000-token llama-spm tokenizer, Q8_0, tied. */
    public static ModelSpec smolLm135mShape(long seed) {
        return new ModelSpec("smollm-135m-shape", Architecture.LLAMA, GgmlType.Q8_0,
                new ModelDimensions(576, 30, 9, 3, 1536, 2048), true, seed, Architecture.LLAMA.vocabFile());
    }

    /** GPT-2 124M's shape with the GPT-2 tokenizer, Q8_0, tied. */
    public static ModelSpec gpt2124mShape(long seed) {
        return new ModelSpec("gpt2-124m-shape", Architecture.GPT2, GgmlType.Q8_0,
                new ModelDimensions(768, 12, 12, 12, 3072, 1024), true, seed, Architecture.GPT2.vocabFile());
    }

    /**
     * The real-model shapes, and the Qwen2-0.5B shape's F32 twin (same float weights, about 2 GB): the end-to-end
     * case of {@code divergence-locate --timings}, a quantised model against its original.
     */
    public static List<ModelSpec> benchShapes(long seed) {
        return List.of(qwen2HalfBillionShape(seed), qwen2HalfBillionShape(seed).withType(GgmlType.F32),
                smolLm135mShape(seed), gpt2124mShape(seed));
    }
}
