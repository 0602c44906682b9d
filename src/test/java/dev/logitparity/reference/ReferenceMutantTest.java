package dev.logitparity.reference;

import dev.logitparity.TestModels;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.compare.Verdict;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine is sensitive to the architecture's ops: running a model with another architecture's op in one place
 * (what a runtime that mixes up architectures computes) lands far outside the band at step 0, and the comparator
 * calls it a logit mismatch.
 */
class ReferenceMutantTest {

    private static final double BAND = LlamaCppRuns.defaultSettingsBand(GgmlType.F32);

    @Test
    void gpt2WithRmsNormInsteadOfLayerNormIsALogitMismatch() {
        assertMismatchAtStepZero("gpt2", ops -> ops.withNorm(Ops.Norm.RMS_NORM));
    }

    @Test
    void gpt2WithoutPositionEmbeddingsIsALogitMismatch() {
        assertMismatchAtStepZero("gpt2", ops -> ops.withPositionEmbedding(false));
    }

    @Test
    void llamaWithNeoxRopeInsteadOfNormalIsALogitMismatch() {
        assertMismatchAtStepZero("llama", ops -> ops.withRope(Ops.Rope.NEOX));
    }

    private static void assertMismatchAtStepZero(String arch, UnaryOperator<Ops> mutation) {
        Path gguf = TestModels.path(arch, "f32");
        try (Trace llama = LlamaCppRuns.llamaCpp(gguf, ContextSettings.defaults());
             Trace mutant = LlamaCppRuns.reference(gguf, mutation, llama)) {
            double stepZero = LlamaCppRuns.maxAbsDeltaPerStep(llama, mutant)[0];
            assertTrue(stepZero > 10 * BAND, "step 0 max |Δlogprob| " + stepZero + " is within 10x the band " + BAND);
            var summary = TraceComparator.within(Band.logprob(BAND)).compare(llama, mutant).summary();
            assertEquals(Verdict.LOGIT_MISMATCH, summary.verdict(), summary.reason());
            assertEquals(0, summary.firstOutOfBand());
        }
    }
}
