package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.TestModels;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.reference.ModelCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GGML_ASSERT inside llama.cpp aborts the process it runs in. The model here (a negative norm epsilon) is one the
 * Java pre-check refuses, so it is switched off ({@code -Dlogitparity.precheck=off}) to let llama.cpp see it.
 */
class NativeAbortTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASSERTION = "GGML_ASSERT(eps >= 0.0f) failed (ggml-cpu/ops.cpp:";

    @TempDir
    Path dir;

    private Path abortingModel(Path target) throws IOException {
        return ModelCopy.of(TestModels.path("gpt2", "f32"))
                .set("gpt2.attention.layer_norm_epsilon", GgufValue.float32(-1f)).writeTo(target);
    }

    @Test
    void anAbortInASingleRunIsOneLineOnStderrExitThreeAndNothingOnStdout() throws Exception {
        Path model = abortingModel(dir.resolve("eps.gguf"));
        CliRun run = ChildJvm.withNativeAccess("-Dlogitparity.precheck=off")
                .run(model.toString(), "Hello", "--steps", "2", "--json");
        assertEquals(Main.INTERNAL_ERROR, run.status(), run.err());
        assertEquals("", run.out(), "ggml's gdb backtrace must not reach stdout");
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("divergence-locate: llama.cpp aborted on " + model + ": " + ASSERTION),
                run.err());
    }

    @Test
    void aMatrixWithOneAbortingModelFinishesAndReportsThatCellInOneLine() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(TestModels.path("gpt2", "f32"), models.resolve("good.gguf"));
        Path bad = abortingModel(models.resolve("bad.gguf"));
        Path oracle = dir.resolve("oracle");
        for (String slug : new String[] {"bad", "good"}) {
            Files.writeString(Files.createDirectories(oracle.resolve(slug)).resolve("hello.json"),
                    "{\"model_slug\": \"" + slug + "\", \"prompt\": \"Hello\", \"tokens\": [11, 12, 13]}");
        }
        CliRun run;
        System.setProperty("logitparity.precheck", "off");
        try {
            run = CliRun.of("matrix", "--models", models.toString(), "--oracle", oracle.toString(), "--json",
                    "--out", dir.resolve("out").toString(), "--require", "0/2");
        } finally {
            System.clearProperty("logitparity.precheck");
        }
        assertEquals(0, run.status(), run.err());
        JsonNode matrix = JSON.readTree(run.out());
        assertEquals(2, matrix.get("total").asInt());
        assertEquals(1, matrix.get("failed").asInt());
        JsonNode badCell = matrix.get("cells").get(0);
        assertEquals("bad", badCell.get("model").asText());
        String failure = badCell.get("failed").asText();
        assertTrue(failure.startsWith("llama.cpp aborted on " + bad + ": " + ASSERTION), failure);
        assertTrue(failure.endsWith("(exit 3)"), failure);
        JsonNode goodCell = matrix.get("cells").get(1);
        assertTrue(goodCell.get("failed").isNull(), goodCell.toString());
        assertTrue(goodCell.get("verdict").isTextual() && !goodCell.get("textA").asText().isEmpty(),
                "the other model's cell still ran: " + goodCell);
        assertTrue(Files.readString(dir.resolve("out/matrix.md")).contains("| bad | hello | | | failed | `llama.cpp aborted on "));
    }
}
