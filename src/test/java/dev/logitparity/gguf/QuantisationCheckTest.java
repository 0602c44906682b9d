package dev.logitparity.gguf;

import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Twins made by the project's quantiser pass; any tensor moved beyond the types' rounding is named. */
class QuantisationCheckTest {

    @Test
    void theGeneratedF16AndQ8_0TwinsAreQuantisationsOfTheF32Original() {
        Path f32 = TestModels.path("qwen2", "f32");
        assertEquals(Optional.empty(), QuantisationCheck.compare(f32, TestModels.path("qwen2", "q8_0")));
        assertEquals(Optional.empty(), QuantisationCheck.compare(f32, TestModels.path("qwen2", "f16")));
        assertEquals(Optional.empty(), QuantisationCheck.compare(TestModels.path("qwen2", "f16"),
                TestModels.path("qwen2", "q8_0")));
    }

    @Test
    void aTensorScaledBeyondRoundingIsNamedWithHowMuchMoved(@TempDir Path dir) {
        Path f32 = TestModels.path("llama", "f32");
        // F32 against F32 allows no rounding at all: a 0.01 % scale is already a different weight
        Path nudged = ScaledTensorCopy.write(f32, dir.resolve("nudged.gguf"), "blk.1.ffn_up.weight", 1.0001f);
        String finding = QuantisationCheck.compare(f32, nudged).orElseThrow();
        assertTrue(finding.startsWith("blk.1.ffn_up.weight differs beyond f32/f32 rounding"), finding);
        // a Q8_0 twin's own rounding is 0.6 of the block scale: 3 % of the larger weights is several times that
        Path q8 = TestModels.path("llama", "q8_0");
        Path scaled = ScaledTensorCopy.write(q8, dir.resolve("scaled.gguf"), "output_norm.weight", 1.0f);
        assertEquals(Optional.empty(), QuantisationCheck.compare(f32, scaled), "an unchanged copy passes");
        Path damaged = ScaledTensorCopy.write(q8, dir.resolve("damaged.gguf"), "blk.0.attn_k.weight", 1.03f);
        assertTrue(QuantisationCheck.compare(f32, damaged).orElseThrow().startsWith("blk.0.attn_k.weight"));
    }
}
