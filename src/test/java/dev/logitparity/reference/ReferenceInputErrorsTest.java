package dev.logitparity.reference;

import dev.logitparity.BadInputException;
import dev.logitparity.TestModels;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine cannot compute it refuses, with one line naming the file and the problem, never a wrong answer. */
class ReferenceInputErrorsTest {

    @TempDir
    Path dir;

    private final Path llama = TestModels.path("llama", "f32");

    @Test
    void unknownArchitectureIsNamed() throws IOException {
        Path falcon = ModelCopy.of(llama).set("general.architecture", GgufValue.string("falcon"))
                .writeTo(dir.resolve("falcon.gguf"));
        assertBadInput(() -> ReferenceModel.open(falcon), falcon + ": architecture 'falcon' is not supported by the"
                + " reference engine (supported: [gpt2, llama, qwen2])");
    }

    @Test
    void unsupportedTensorTypeNamesTheTensorAndType() throws IOException {
        Path q4 = ModelCopy.of(llama).retype("blk.1.ffn_down.weight", GgmlType.Q4_0).writeTo(dir.resolve("q4.gguf"));
        assertBadInput(() -> ReferenceModel.open(q4), q4 + ": tensor 'blk.1.ffn_down.weight' has type Q4_0, which the"
                + " reference engine does not read (supported: [F32, F16, Q8_0])");
    }

    @Test
    void missingTensorIsNamed() throws IOException {
        Path noGate = ModelCopy.of(llama).dropTensor("blk.1.ffn_gate.weight").writeTo(dir.resolve("no-gate.gguf"));
        assertBadInput(() -> ReferenceModel.open(noGate), noGate + ": missing tensor 'blk.1.ffn_gate.weight'");
    }

    @Test
    void gpt2BiasesAreRequiredAsLlamaCppRequiresThem() throws IOException {
        Path noBias = ModelCopy.of(TestModels.path("gpt2", "f32")).dropTensor("blk.0.attn_qkv.bias")
                .writeTo(dir.resolve("no-bias.gguf"));
        assertBadInput(() -> ReferenceModel.open(noBias), noBias + ": missing tensor 'blk.0.attn_qkv.bias'");
    }

    @Test
    void opsNeedingATensorTheModelLacksAreRefused() {
        assertBadInput(() -> ReferenceModel.open(llama, ops -> ops.withPositionEmbedding(true)),
                llama + ": missing tensor 'position_embd.weight'");
    }

    @Test
    void missingHyperParameterIsNamed() throws IOException {
        Path noHeads = ModelCopy.of(llama).dropKey("llama.attention.head_count").writeTo(dir.resolve("no-heads.gguf"));
        assertBadInput(() -> ReferenceModel.open(noHeads),
                noHeads + ": missing metadata key 'llama.attention.head_count'");
    }

    @Test
    void unimplementedRopeScalingIsRefused() throws IOException {
        Path yarn = ModelCopy.of(llama).set("llama.rope.scaling.type", GgufValue.string("yarn"))
                .writeTo(dir.resolve("yarn.gguf"));
        assertBadInput(() -> ReferenceModel.open(yarn),
                yarn + ": 'llama.rope.scaling.type' is yarn, which the reference engine does not implement");
    }

    @Test
    void tokenOutsideTheVocabularyIsRefused() {
        try (ReferenceModel model = ReferenceModel.open(llama)) {
            int vocab = model.vocabSize();
            assertBadInput(() -> new GreedyRecorder(new ReferenceEngine(model))
                            .teacherForced(null, new int[] {1, vocab}, new int[] {2}),
                    "token " + vocab + " is outside the vocabulary of " + vocab + " of " + llama);
        }
    }

    @Test
    void gpt2CannotDecodePastItsPositionEmbeddings() {
        Path gpt2 = TestModels.path("gpt2", "f32");
        try (ReferenceModel model = ReferenceModel.open(gpt2)) {
            int positions = model.maxPositions();
            assertBadInput(() -> new GreedyRecorder(new ReferenceEngine(model)).freeRun(null, new int[] {1, 2},
                    positions, false), "prompt is 2 tokens; with " + positions + " steps that exceeds the context of "
                    + positions + " tokens");
            assertBadInput(() -> model.newSession(positions + 1), gpt2 + ": a decode of " + (positions + 1)
                    + " positions does not fit the model's " + positions + " position embeddings");
        }
    }

    @Test
    void emptyPromptIsRefused() {
        try (ReferenceModel model = ReferenceModel.open(llama)) {
            assertBadInput(() -> new GreedyRecorder(new ReferenceEngine(model)).freeRun(null, new int[0], 4, false),
                    "prompt has no tokens");
        }
    }

    private static void assertBadInput(Executable call, String message) {
        BadInputException e = assertThrows(BadInputException.class, call);
        assertEquals(message, e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1);
    }
}
