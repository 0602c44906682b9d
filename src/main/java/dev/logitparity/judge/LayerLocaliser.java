package dev.logitparity.judge;

import dev.logitparity.compare.LayerLocalisation;
import dev.logitparity.engine.Engine;
import dev.logitparity.engine.IntermediateRecorder;
import dev.logitparity.gguf.QuantisationCheck;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Intermediates;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs the engines a layer-level localisation needs at one step and compares their intermediates.
 * <p>
 * llama.cpp runs with the run's settings but an F32 KV cache and flash attention off ({@link ContextSettings#exact()}):
 * the F16 cache alone moves attention outputs by ~5e-4 and, in Q8_0 models, the activations' quantisation then
 * amplifies that tenfold in the next projection — rounding that would pass for a jump. The reference runs with
 * ggml's CPU rounding ({@link Ops.Rounding#GGML_CPU}), so llama.cpp's own quantisation of activations is not a
 * difference either. Measured on the generated gpt2/llama/qwen2 models (F32, F16, Q8_0): every op within 7e-4
 * relative of the reference, against a jump threshold of 1e-2.
 */
public final class LayerLocaliser {

    private final ContextSettings settings;
    private final UnaryOperator<Ops> referenceVariant;

    /** @param settings the run's llama.cpp settings (made exact here) */
    public LayerLocaliser(ContextSettings settings) {
        this(settings, UnaryOperator.identity());
    }

    /**
     * Against a variant of the reference's ops (e.g. {@code ops -> ops.withRope(Ops.Rope.NEOX)}): what a runtime that
     * computes that variant would show, layer by layer.
     */
    public LayerLocaliser(ContextSettings settings, UnaryOperator<Ops> referenceVariant) {
        this.settings = settings.exact();
        this.referenceVariant = referenceVariant;
    }

    /** llama.cpp on {@code model} against the reference on its GGUF, teacher-forced along {@code tokens}. */
    public LayerLocalisation againstReference(LlamaModel model, int[] promptTokens, int[] tokens, int step) {
        try (ReferenceModel reference = openRounded(model.path(), referenceVariant)) {
            Intermediates a = llamaAt(model, promptTokens, tokens, step);
            Intermediates b = IntermediateRecorder.atStep(new ReferenceEngine(reference), promptTokens, tokens, step);
            return LayerLocalisation.of(step, "llama.cpp", "reference (f64, ggml's rounding)", a, b, Map.of());
        }
    }

    /**
     * llama.cpp on two GGUFs of one architecture, both teacher-forced along {@code tokens}. When B's weights are a
     * quantisation of A's, each op is expected to differ by what the reference shows between the two weight sets.
     */
    public LayerLocalisation betweenModels(LlamaModel a, LlamaModel b, int[] promptTokens, int[] tokens, int step) {
        Intermediates onA = llamaAt(a, promptTokens, tokens, step);
        Intermediates onB = llamaAt(b, promptTokens, tokens, step);
        Map<String, Double> expected = QuantisationCheck.compare(a.path(), b.path()).isEmpty()
                ? weightsEffect(a.path(), b.path(), promptTokens, tokens, step)
                : Map.of();
        return LayerLocalisation.of(step, "llama.cpp on " + a.path().getFileName(),
                "llama.cpp on " + b.path().getFileName(), onA, onB, expected);
    }

    /**
     * llama.cpp on {@code model} against another runtime's per-tensor records of the same step ({@code dump}),
     * llama.cpp teacher-forced along {@code tokens}.
     */
    public LayerLocalisation againstDump(LlamaModel model, Intermediates dump, String dumpName, int[] promptTokens,
                                         int[] tokens, int step) {
        return LayerLocalisation.of(step, "llama.cpp", dumpName, llamaAt(model, promptTokens, tokens, step), dump,
                Map.of());
    }

    private Intermediates llamaAt(LlamaModel model, int[] promptTokens, int[] tokens, int step) {
        try (LlamaContext context = model.newTappedContext(settings)) {
            return IntermediateRecorder.atStep(new LlamaEngine(context), promptTokens, tokens, step);
        }
    }

    /** Per op, how far the reference on B's weights is from the reference on A's. */
    private static Map<String, Double> weightsEffect(Path a, Path b, int[] promptTokens, int[] tokens, int step) {
        try (ReferenceModel referenceA = openRounded(a, UnaryOperator.identity());
             ReferenceModel referenceB = openRounded(b, UnaryOperator.identity())) {
            Engine onA = new ReferenceEngine(referenceA);
            Engine onB = new ReferenceEngine(referenceB);
            LayerLocalisation weights = LayerLocalisation.of(step, "A", "B",
                    IntermediateRecorder.atStep(onA, promptTokens, tokens, step),
                    IntermediateRecorder.atStep(onB, promptTokens, tokens, step), Map.of());
            Map<String, Double> expected = new LinkedHashMap<>();
            weights.rows().forEach(row -> expected.put(row.name(), row.relativeError()));
            return expected;
        }
    }

    /** The reference on {@code gguf} with {@code variant}'s ops and ggml's CPU rounding of activations. */
    private static ReferenceModel openRounded(Path gguf, UnaryOperator<Ops> variant) {
        return ReferenceModel.open(gguf, ops -> variant.apply(ops).withRounding(Ops.Rounding.GGML_CPU));
    }
}
