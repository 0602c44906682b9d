package dev.logitparity.judge;

import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.Verdict;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The floor does not blunt the tool: a runtime that applies another architecture's op, judged against the band the
 * floor derives, is still a logit mismatch at step 0 with the blame on it, on every weight type; and a twin GGUF with
 * one early tensor scaled by 3 % is a logit mismatch that names the tensor, however wide its quantisation makes the
 * band.
 */
class NoiseFloorSensitivityTest {

    private static final String PROMPT = "The capital of France is";
    private static final int STEPS = 8;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"gpt2,f32,rms_norm", "gpt2,f16,rms_norm", "gpt2,q8_0,rms_norm",
            "gpt2,f32,no_position_embedding", "gpt2,f16,no_position_embedding", "gpt2,q8_0,no_position_embedding",
            "llama,f32,neox_rope", "llama,f16,neox_rope", "llama,q8_0,neox_rope"})
    void anotherArchitecturesOpIsALogitMismatchBlamedOnIt(String arch, String type, String mutant) {
        UnaryOperator<Ops> mutation = switch (mutant) {
            case "rms_norm" -> ops -> ops.withNorm(Ops.Norm.RMS_NORM);
            case "no_position_embedding" -> ops -> ops.withPositionEmbedding(false);
            case "neox_rope" -> ops -> ops.withRope(Ops.Rope.NEOX);
            default -> throw new IllegalArgumentException(mutant);
        };
        Path gguf = TestModels.path(arch, type);
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace llama = new LlamaEngine(context).freeRun(PROMPT, STEPS, false);
             ReferenceModel wrong = ReferenceModel.open(gguf, mutation);
             Trace runtime = new GreedyRecorder(new ReferenceEngine(wrong)).teacherForced(PROMPT, llama.promptTokens(), llama.tokens())) {
            DivergenceReport report = FlooredJudgement.auto().judge(context, new TracePair(llama, runtime, List.of()), null);
            assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict(), report.summary().reason());
            assertEquals(0, report.summary().firstOutOfBand());
            assertTrue(report.summary().reason().contains("a B bug"), report.summary().reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"f32", "f16", "q8_0"})
    void aTwinWithOneEarlyTensorScaledByThreePercentIsALogitMismatchNamingIt(String type, @TempDir Path dir) {
        Path gguf = TestModels.path("llama", type);
        Path damaged = ScaledTensorCopy.write(gguf, dir.resolve("damaged.gguf"), "blk.0.attn_q.weight", 1.03f);
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             TracePair pair = new PairCapture(context, PROMPT, STEPS, false, List.of())
                     .against(new AgainstSpec.Model(damaged))) {
            DivergenceReport report = FlooredJudgement.auto().judge(context, pair, damaged);
            assertEquals(Verdict.LOGIT_MISMATCH, report.summary().verdict(), report.summary().reason());
            assertTrue(report.summary().reason().contains("blk.0.attn_q.weight differs beyond"),
                    report.summary().reason());
        }
    }
}
