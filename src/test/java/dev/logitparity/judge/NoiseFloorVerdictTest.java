package dev.logitparity.judge;

import dev.logitparity.TestModels;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.Verdict;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The question the tool exists to answer, asked of runtimes known to be correct: llama.cpp under its default
 * settings, and an fp32 runtime that is not llama.cpp (the reference engine storing every projection in float),
 * on every generated model, weight type and oracle prompt. Judged against the measured noise floor, neither is ever
 * called a bug; where they flip, it is a near tie.
 */
class NoiseFloorVerdictTest {

    static final List<String> PROMPTS = List.of("The capital of France is", "def fibonacci(n):",
            "Hello, my name is", "What is 2+2? Answer:");
    private static final int STEPS = 32;
    private static final Set<Verdict> NOT_A_BUG = Set.of(Verdict.IDENTICAL, Verdict.NEAR_TIE_FLIP);

    static Stream<Arguments> cases() {
        return Stream.of("gpt2", "llama", "qwen2").flatMap(arch -> Stream.of("f32", "f16", "q8_0")
                .flatMap(type -> PROMPTS.stream().map(prompt -> Arguments.of(arch, type, prompt))));
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\"")
    @MethodSource("cases")
    void llamaCppAndAnFp32RuntimeAreNeverCalledBuggy(String arch, String type, String prompt) {
        Path gguf = TestModels.path(arch, type);
        FlooredJudgement judgement = FlooredJudgement.auto();
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             TracePair vsReference = new PairCapture(context, prompt, STEPS, false, List.of())
                     .against(new AgainstSpec.Reference())) {
            DivergenceReport exact = judgement.judge(context, vsReference, null);
            assertTrue(NOT_A_BUG.contains(exact.summary().verdict()), "against the reference: "
                    + exact.summary().reason());
            assertTrue(exact.summary().floor().trusted(), "llama.cpp's distance to the reference is explained");

            try (Trace fp32 = fp32Runtime(gguf, vsReference.llama())) {
                DivergenceReport other = judgement.judge(context, new TracePair(vsReference.llama(), fp32, List.of()),
                        null);
                assertTrue(NOT_A_BUG.contains(other.summary().verdict()), "against an fp32 runtime: "
                        + other.summary().reason());
                if (other.summary().verdict() == Verdict.NEAR_TIE_FLIP) {
                    assertNotNull(other.summary().divergence());
                }
            }
        }
    }

    /** The reference in float32 storage, teacher-forced on llama.cpp's free run. */
    private static Trace fp32Runtime(Path gguf, Trace llama) {
        try (ReferenceModel model = ReferenceModel.open(gguf, ops -> ops.withRounding(Ops.Rounding.FLOAT32))) {
            return new GreedyRecorder(new ReferenceEngine(model)).teacherForced(llama.info().prompt(), llama.promptTokens(),
                    llama.tokens());
        }
    }
}
