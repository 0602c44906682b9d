package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --layers}: the damaged layer of a copy named from the command line, in text and JSON. */
class LayersOptionTest {

    private static final String PROMPT = "The capital of France is";

    @Test
    void aCopyWithOneScaledMiddleLayerTensorIsLocalisedAgainstTheOriginal(@TempDir Path dir) throws IOException {
        Path original = TestModels.path("llama", "f32");
        Path damaged = ScaledTensorCopy.write(original, dir.resolve("damaged.gguf"), "blk.1.attn_v.weight", 1.1f);
        CliRun text = CliRun.of(damaged.toString(), PROMPT, "--against", original.toString(), "--steps", "4",
                "--layers");
        assertEquals(1, text.status(), text.err());
        assertTrue(text.out().contains("layers at step 0: llama.cpp on damaged.gguf vs llama.cpp on llama-f32.gguf"),
                text.out());
        assertTrue(text.out().contains("first jump (*): layer 1 Vcur, relative error 0.100, where every earlier op "
                + "agreed exactly"), text.out());

        CliRun json = CliRun.of(damaged.toString(), PROMPT, "--against", original.toString(), "--steps", "4",
                "--layers-step", "2", "--json");
        JsonNode layers = new ObjectMapper().readTree(json.out()).get("layers");
        assertEquals(2, layers.get("step").asInt());
        JsonNode jump = layers.get("rows").get(layers.get("firstJump").asInt());
        assertEquals("Vcur-1", jump.get("name").asText());
        assertEquals(1, jump.get("layer").asInt());
    }

    @Test
    void aStepOutsideTheRunIsBadInput() {
        CliRun run = CliRun.of(TestModels.path("llama", "f32").toString(), PROMPT, "--steps", "2",
                "--layers-step", "5");
        assertEquals(2, run.status());
        assertEquals("divergence-locate: --layers-step 5 is outside the run's steps 0..1", run.err().strip());
    }
}
