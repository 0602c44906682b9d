package dev.logitparity.junit;

import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.reference.ReferenceEngine;
import static dev.logitparity.gguf.GgmlType.Q8_0;
import static dev.logitparity.junit.LogitAssertions.assertThat;
import static dev.logitparity.synthetic.Architecture.LLAMA;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.Verdict;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * {@code within(Traces.noiseFloor(...))} on the real libllama: a correct fp32 runtime (the reference storing every
 * projection in float) on a Q8_0 model, which a fixed 0.05-nat band would call buggy, has no bug against llama.cpp;
 * the same runtime with the wrong RoPE layout is a logit mismatch.
 */
class NoiseFloorAssertTest {
    private static final String PROMPT = "Hello, my name is";
    private static final int STEPS = 12;

    @Test
    void aCorrectFp32RuntimeIsWithinTheFloorAndAWrongRopeIsNot() {
        Path gguf = GeneratedModels.path(LLAMA, Q8_0);
        try (Trace llama = Traces.llamaCpp(gguf, PROMPT, STEPS);
             Trace fp32 = runtime(gguf, llama, ops -> ops.withRounding(Ops.Rounding.FLOAT32));
             Trace neox = runtime(gguf, llama, ops -> ops.withRope(Ops.Rope.NEOX))) {
            NoiseFloor floor = Traces.noiseFloor(gguf, fp32);
            assertTrue(floor.band().logprob() > 0.05, "Q8_0's floor is wider than the old fixed band: " + floor);
            assertThat(fp32).within(floor).hasNoBugAgainst(llama);

            AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                    () -> assertThat(neox).within(Traces.noiseFloor(gguf, neox)).hasNoBugAgainst(llama));
            assertTrue(failure.getMessage().contains(Verdict.LOGIT_MISMATCH.name()), failure.getMessage());
            assertTrue(failure.getMessage().contains("blame: B is"), failure.getMessage());
        }
    }

    private static Trace runtime(Path gguf, Trace llama, UnaryOperator<Ops> ops) {
        try (ReferenceModel model = ReferenceModel.open(gguf, ops)) {
            return new GreedyRecorder(new ReferenceEngine(model)).teacherForced(PROMPT, llama.promptTokens(), llama.tokens());
        }
    }
}
