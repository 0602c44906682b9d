package dev.logitparity.judge;

import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import dev.logitparity.compare.LayerLocalisation;
import dev.logitparity.compare.LayerLocalisation.Row;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.reference.Ops;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layer-level localisation on real libllama and the generated models (2 layers each): a correct model shows no jump
 * anywhere, and each known defect is named at the layer and op where it enters.
 */
class LayerLocaliserTest {

    private static final String PROMPT = "The capital of France is";
    private static final int STEPS = 4;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"gpt2, f32", "gpt2, f16", "gpt2, q8_0", "llama, f32", "llama, f16", "llama, q8_0",
            "qwen2, f32", "qwen2, f16", "qwen2, q8_0"})
    void anUnmodifiedModelHasNoJumpAgainstTheReference(String arch, String type) {
        Path gguf = TestModels.path(arch, type);
        try (LlamaModel model = load(gguf); Trace trace = freeRun(model)) {
            for (int step : new int[] {0, STEPS - 1}) {
                LayerLocalisation l = new LayerLocaliser(ContextSettings.defaults())
                        .againstReference(model, trace.promptTokens(), trace.tokens(), step);
                // 2 layers x 9 ops, the final norm and logits, and gpt2's embeddings with positions
                assertEquals(arch.equals("gpt2") ? 21 : 20, l.rows().size(), l.rows()::toString);
                assertEquals(-1, l.firstJump(), () -> "step " + step + ": " + l.jump().orElseThrow());
                double worst = l.rows().stream().mapToDouble(Row::relativeError).max().orElseThrow();
                assertTrue(worst < LayerLocalisation.MIN_JUMP / 10, "step " + step + ": worst op " + worst);
            }
        }
    }

    @Test
    void gpt2WithRmsNormIsNamedAtTheFirstNorm() {
        assertReferenceVariantJumpsAt("gpt2", ops -> ops.withNorm(Ops.Norm.RMS_NORM), "attn_norm-0");
    }

    @Test
    void gpt2WithoutPositionEmbeddingsIsNamedAtTheEmbeddings() {
        assertReferenceVariantJumpsAt("gpt2", ops -> ops.withPositionEmbedding(false), "inpL");
    }

    @Test
    void llamaWithNeoxRopeIsNamedAtTheFirstRotatedQuery() {
        assertReferenceVariantJumpsAt("llama", ops -> ops.withRope(Ops.Rope.NEOX), "Qcur-0");
    }

    @Test
    void aScaledMiddleLayerWeightIsNamedAtItsOp(@TempDir Path dir) {
        LayerLocalisation l = scaledCopyAgainstOriginal(dir, "llama", "blk.1.ffn_up.weight", 2);
        Row jump = l.jump().orElseThrow(() -> new AssertionError(l.rows().toString()));
        assertEquals("ffn_out-1", jump.name());
        // SwiGLU is linear in the up projection: the output is 10 % larger, everywhere before it identical
        assertEquals(0.1, jump.relativeError(), 1e-3);
        assertEquals(0, jump.inflow());
    }

    @Test
    void aScaledQueryWeightIsNamedAtItsLayersQuery(@TempDir Path dir) {
        LayerLocalisation l = scaledCopyAgainstOriginal(dir, "qwen2", "blk.1.attn_q.weight", 1);
        assertEquals("Qcur-1", l.jump().map(Row::name).orElse("none"), l.rows()::toString);
    }

    @ParameterizedTest(name = "{0} f32 against its {1} twin")
    @CsvSource({"llama, f16", "llama, q8_0", "gpt2, q8_0", "qwen2, q8_0"})
    void aQuantisedTwinDiffersOnlyAsItsWeightsExplain(String arch, String type) {
        try (LlamaModel a = load(TestModels.path(arch, "f32")); LlamaModel b = load(TestModels.path(arch, type));
             Trace trace = freeRun(a)) {
            LayerLocalisation l = new LayerLocaliser(ContextSettings.defaults())
                    .betweenModels(a, b, trace.promptTokens(), trace.tokens(), STEPS - 1);
            assertEquals(-1, l.firstJump(), () -> l.jump().orElseThrow().toString());
            List<Row> quantised = l.rows().stream().filter(r -> r.op().equals("Qcur")).toList();
            assertTrue(quantised.stream().allMatch(r -> r.relativeError() > 0 && r.expected() > 0),
                    "the twin's projections differ, as its weights say they should: " + quantised);
        }
    }

    private static void assertReferenceVariantJumpsAt(String arch, UnaryOperator<Ops> variant, String expected) {
        try (LlamaModel model = load(TestModels.path(arch, "f32")); Trace trace = freeRun(model)) {
            LayerLocalisation l = new LayerLocaliser(ContextSettings.defaults(), variant)
                    .againstReference(model, trace.promptTokens(), trace.tokens(), 0);
            assertEquals(expected, l.jump().map(Row::name).orElse("none"), l.rows()::toString);
        }
    }

    /**
     * The table at {@code step} between a copy of {@code arch}'s F32 model with {@code tensor} scaled by 1.1 (A) and
     * the original (B), on the original's free run.
     */
    private static LayerLocalisation scaledCopyAgainstOriginal(Path dir, String arch, String tensor, int step) {
        Path original = TestModels.path(arch, "f32");
        Path damaged = ScaledTensorCopy.write(original, dir.resolve("damaged.gguf"), tensor, 1.1f);
        try (LlamaModel a = load(damaged); LlamaModel b = load(original); Trace trace = freeRun(b)) {
            return new LayerLocaliser(ContextSettings.defaults())
                    .betweenModels(a, b, trace.promptTokens(), trace.tokens(), step);
        }
    }

    private static LlamaModel load(Path gguf) {
        return LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
    }

    private static Trace freeRun(LlamaModel model) {
        try (LlamaContext context = model.newContext(ContextSettings.defaults())) {
            return new LlamaEngine(context).freeRun(PROMPT, STEPS, false);
        }
    }
}
