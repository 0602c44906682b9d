package dev.logitparity.oracle;

import dev.logitparity.BadInputException;
import dev.logitparity.matrix.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelMapTest {

    @Test
    void folderMapsSlugToSlugDotGguf(@TempDir Path dir) {
        assertEquals(dir.resolve("smollm-135m.gguf"), ModelMap.of(dir, Map.of()).locate("smollm-135m"));
    }

    @Test
    void propertiesFileMapsRelativeToItsFolderAndEnvironmentWins(@TempDir Path dir) throws IOException {
        Path map = Files.writeString(dir.resolve("models.properties"),
                "smollm-135m = weights/SmolLM-135M.Q8_0.gguf\nqwen2-0.5b=/abs/qwen2.gguf\n");
        ModelMap models = ModelMap.of(map, Map.of("LOGIT_PARITY_MODEL_GPT2_124M", "/env/gpt2.gguf"));
        assertEquals(dir.resolve("weights/SmolLM-135M.Q8_0.gguf"), models.locate("smollm-135m"));
        assertEquals(Path.of("/abs/qwen2.gguf"), models.locate("qwen2-0.5b"));
        assertEquals(Path.of("/env/gpt2.gguf"), models.locate("gpt2-124m"));
    }

    @Test
    void missingMapIsBadInput(@TempDir Path dir) {
        assertThrows(BadInputException.class, () -> ModelMap.of(dir.resolve("nope.properties"), Map.of()));
    }

    @Test
    void thresholdIsAFractionOfAllCases() {
        Threshold nineOfTwelve = Threshold.parse("9/12");
        assertTrue(nineOfTwelve.isMet(9, 12));
        assertFalse(nineOfTwelve.isMet(8, 12));
        assertTrue(nineOfTwelve.isMet(18, 24));
        assertFalse(nineOfTwelve.isMet(17, 24));
        assertThrows(BadInputException.class, () -> Threshold.parse("13/12"));
    }
}
