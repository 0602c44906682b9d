package dev.logitparity.reference;

import dev.logitparity.TestModels;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reference against the real libllama, on every generated architecture and the trained model, in every type. */
class ReferenceParityTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"gpt2,f32", "gpt2,f16", "gpt2,q8_0", "llama,f32", "llama,f16", "llama,q8_0",
            "qwen2,f32", "qwen2,f16", "qwen2,q8_0", "kjv-llama,f32", "kjv-llama,f16", "kjv-llama,q8_0"})
    void everyStepIsWithinTheTypesBandOfLlamaCppWithDefaultSettings(String arch, String type) {
        Path gguf = TestModels.path(arch, type);
        double band = LlamaCppRuns.defaultSettingsBand(GgmlType.parse(type));
        try (Trace llama = LlamaCppRuns.llamaCpp(gguf, ContextSettings.defaults());
             Trace reference = LlamaCppRuns.reference(gguf, UnaryOperator.identity(), llama)) {
            double[] delta = LlamaCppRuns.maxAbsDeltaPerStep(llama, reference);
            assertEquals(LlamaCppRuns.STEPS, delta.length);
            assertTrue(Arrays.stream(delta).allMatch(d -> d <= band),
                    "max |Δlogprob| per step, band " + band + ": " + Arrays.toString(delta));
        }
    }

    /**
     * With llama.cpp's roundings reproduced, its logits are matched to float precision wherever no activation is
     * rounded (every step of an F32 model), and to within a few fp16 or Q8_0 rounding-boundary cases elsewhere: the
     * reference reads every F32, F16 and Q8_0 weight as ggml does, and the rest of the gap under default settings is
     * llama.cpp's rounding. llama.cpp runs on the portable kernels ({@link LlamaCppRuns#PORTABLE_EXACT}), so the
     * figures are the same on any x86-64 machine. Seen there, largest over 32 steps (gpt2 / llama / qwen2):
     * F32 2.0e-4 / 3.3e-5 / 2.4e-5; F16 4.9e-3 / 4.6e-3 / 3.7e-3 against 2.1e-2 / 4.7e-2 / 3.5e-2 for the exact
     * reference; Q8_0 9.7e-7 / 9.7e-7 / 8.3e-2 against 0.83 / 0.56 / 0.69.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"gpt2,f32", "gpt2,f16", "gpt2,q8_0", "llama,f32", "llama,f16", "llama,q8_0",
            "qwen2,f32", "qwen2,f16", "qwen2,q8_0", "kjv-llama,f32", "kjv-llama,f16", "kjv-llama,q8_0"})
    void reproducingGgmlCpuRoundingMatchesLlamaCppToFloatPrecision(String arch, String type, @TempDir Path work)
            throws IOException {
        Path gguf = TestModels.path(arch, type);
        try (Trace llama = LlamaCppRuns.llamaCppPortableExact(gguf, work);
             Trace matched = LlamaCppRuns.reference(gguf, ops -> ops.withRounding(Ops.Rounding.GGML_CPU), llama);
             Trace exact = LlamaCppRuns.reference(gguf, UnaryOperator.identity(), llama)) {
            double[] delta = LlamaCppRuns.maxAbsDeltaPerStep(llama, matched);
            if (type.equals("f32")) {
                assertTrue(Arrays.stream(delta).allMatch(d -> d <= LlamaCppRuns.ROUNDING_MATCHED_BAND),
                        "max |Δlogprob| per step: " + Arrays.toString(delta));
            } else {
                double matchedWorst = Arrays.stream(delta).max().orElseThrow();
                double exactWorst = Arrays.stream(LlamaCppRuns.maxAbsDeltaPerStep(llama, exact)).max().orElseThrow();
                assertTrue(delta[0] <= LlamaCppRuns.BOUNDARY_CASE_BAND,
                        "step 0 with rounding reproduced: " + delta[0]);
                assertTrue(matchedWorst * 3 <= exactWorst, "reproducing the rounding must explain most of the gap: "
                        + matchedWorst + " with it, " + exactWorst + " without");
            }
        }
    }
}
