package dev.logitparity.reference;

import dev.logitparity.capture.GreedyCapture;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The comparisons the reference tests make: llama.cpp free-runs a model, then llama.cpp and the reference are both
 * teacher-forced on those tokens from the same prompt ids, and each step's max |Δlogprob| is measured.
 */
final class LlamaCppRuns {

    static final String PROMPT = "The capital of France is";
    static final int STEPS = 32;

    /**
     * The band, per weight type, that the exact reference stays within against llama.cpp's default settings (flash
     * attention on, F16 KV cache) on the generated models over 32 teacher-forced steps. Largest seen on this machine
     * (gpt2 / llama / qwen2): F32 0.019 / 0.047 / 0.024, F16 0.063 / 0.058 / 0.034, Q8_0 0.83 / 0.38 / 0.78.
     * llama.cpp rounds K and V to fp16, converts activations to F16 before an F16 matmul and to Q8_0 blocks before a
     * Q8_0 one, and reads GELU from an fp16 table; the reference does none of that.
     */
    static double defaultSettingsBand(GgmlType type) {
        return switch (type) {
            case F32 -> 0.1;
            case F16 -> 0.15;
            case Q8_0 -> 1.5;
            default -> throw new IllegalArgumentException("no band for " + type);
        };
    }

    /**
     * llama.cpp with an F32 KV cache and flash attention off, against the reference with {@link Ops.Rounding#GGML_CPU}:
     * what remains is float-versus-double arithmetic, and the odd activation that float and double put on different
     * sides of an fp16 or Q8_0 rounding boundary, which moves a step by up to 0.1. Largest seen: step 0 of every model
     * below 4.6e-6 except llama F16 at 7.0e-4 (such a boundary case; the same with the prompt fed token by token);
     * every step of the F32 models (no activation rounding) 4.7e-4 / 3.4e-5 / 2.2e-5 for gpt2 / llama / qwen2.
     */
    static final double ROUNDING_MATCHED_BAND = 1e-3;

    /** n_ctx as the defaults, F32 KV cache, flash attention off. */
    static ContextSettings f32KvWithoutFlashAttention() {
        ContextSettings d = ContextSettings.defaults();
        return new ContextSettings(d.contextLength(), d.batch(), d.microBatch(), d.threads(), d.threadsBatch(), false,
                ContextSettings.KvType.F32);
    }

    private LlamaCppRuns() {
    }

    /** llama.cpp's teacher-forced replay of its own free-run of {@link #STEPS} steps after {@link #PROMPT}. */
    static Trace llamaCpp(Path gguf, ContextSettings settings) {
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(settings);
             Trace free = new GreedyCapture(context).freeRun(PROMPT, STEPS, false)) {
            return new GreedyCapture(context).teacherForced(PROMPT, free.tokens());
        }
    }

    /** The reference, with the architecture's ops changed by {@code variant}, teacher-forced as {@code llamaCpp} was. */
    static Trace reference(Path gguf, UnaryOperator<Ops> variant, Trace llamaCpp) {
        try (ReferenceModel model = ReferenceModel.open(gguf, variant)) {
            return new ReferenceCapture(model).teacherForced(PROMPT, llamaCpp.promptTokens(), llamaCpp.tokens());
        }
    }

    /** Max |Δlogprob| over the vocabulary at each step, as the comparator measures it. */
    static double[] maxAbsDeltaPerStep(Trace a, Trace b) {
        return TraceComparator.within(Band.defaults()).compare(a, b).steps().stream()
                .mapToDouble(step -> ((StepMetrics) step).maxAbsDelta()).toArray();
    }
}
