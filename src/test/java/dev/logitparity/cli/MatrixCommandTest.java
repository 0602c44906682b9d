package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.TestModels;
import dev.logitparity.synthetic.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatrixCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ORACLE = Path.of(System.getProperty("logitparity.oracle", "oracle"));

    /**
     * The generated cases are the f64 reference's greedy runs, so llama.cpp's f32 must reproduce them except where
     * two tokens are nearly tied: every cell is IDENTICAL or a NEAR_TIE_FLIP, never a bug. Which near ties flip
     * depends on the CPU's kernels (here 3 of the random models' 12 cells, margins 0.003-0.011 nats), so the count
     * required is the cases that must match everywhere: the trained model's four, whose margins are wide.
     */
    @Test
    void eachCellsFirstDivergenceIsTheOneDivergenceLocateReportsForThatCase(@TempDir Path dir) throws IOException {
        Path models = TestModels.path("qwen2", "f32").getParent();
        TestModels.all();
        Path oracle = ORACLE.resolve("generated");
        CliRun run = CliRun.of("matrix", "--models", models.toString(), "--oracle", oracle.toString(), "--json",
                "--out", dir.toString(), "--require", "4/16");
        assertEquals(0, run.status(), run.err());
        JsonNode matrix = JSON.readTree(run.out());
        // 4 prompts on each generated F32 model (gpt2, llama, qwen2) and on the trained one (kjv-llama)
        assertEquals(16, matrix.get("total").asInt());
        assertEquals(0, matrix.get("skipped").asInt());
        int diverged = 0;
        for (JsonNode cell : matrix.get("cells")) {
            String verdict = cell.get("verdict").asText();
            assertTrue(verdict.equals("IDENTICAL") || verdict.equals("NEAR_TIE_FLIP"), cell.toString());
            if (cell.get("model").asText().equals(ModelCatalog.TRAINED_LLAMA + "-f32")) {
                assertTrue(cell.get("match").asBoolean(), cell.toString());
            }
            Path caseFile = oracle.resolve(cell.get("model").asText()).resolve(cell.get("prompt").asText() + ".json");
            String prompt = JSON.readTree(caseFile.toFile()).get("prompt").asText();
            CliRun single = CliRun.of(cell.get("gguf").asText(), prompt, "--against", caseFile.toString(), "--json");
            JsonNode divergence = JSON.readTree(single.out()).get("summary").get("divergence");
            JsonNode step = cell.get("firstDivergentStep");
            assertEquals(divergence.isNull() ? null : divergence.get("step").asInt(),
                    step.isNull() ? null : step.asInt(), caseFile.toString());
            assertEquals(divergence.isNull(), cell.get("match").asBoolean(), caseFile.toString());
            assertTrue(Files.isRegularFile(dir.resolve(cell.get("chart").asText())), cell.get("chart").asText());
            diverged += divergence.isNull() ? 0 : 1;
        }
        assertEquals(16 - diverged, matrix.get("passed").asInt());
        assertTrue(Files.isRegularFile(dir.resolve("matrix.md")));
    }

    @Test
    void casesWithoutTheirModelAreSkippedWithThePathAndFailTheThreshold(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-models"));
        CliRun run = CliRun.of("matrix", "--models", empty.toString(), "--oracle", ORACLE.toString(), "--json",
                "--out", dir.resolve("out").toString());
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode matrix = JSON.readTree(run.out());
        assertEquals(12, matrix.get("skipped").asInt());
        assertEquals(0, matrix.get("passed").asInt());
        assertFalse(matrix.get("meetsThreshold").asBoolean());
        for (JsonNode cell : matrix.get("cells")) {
            Path expected = empty.resolve(cell.get("model").asText() + ".gguf");
            assertEquals("no model for " + cell.get("model").asText() + ": " + expected, cell.get("skipped").asText());
            assertFalse(cell.get("match").asBoolean());
        }
    }

    @Test
    void malformedOracleFileIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path bad = Files.createDirectories(dir.resolve("oracle/some-model")).resolve("broken.json");
        Files.writeString(bad, "{\"model_slug\": \"x\", \"prompt\": \"hi\", \"tokens\": [1, \"two\"]}");
        CliRun run = CliRun.of("matrix", "--models", dir.toString(), "--oracle", dir.resolve("oracle").toString());
        assertEquals(Main.BAD_INPUT, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("divergence-locate: " + bad), run.err());
    }

    @Test
    void thresholdMustBeAFraction() {
        CliRun run = CliRun.of("matrix", "--models", "models", "--require", "nine");
        assertEquals(Main.BAD_INPUT, run.status());
        assertTrue(run.err().contains("want P/Q"), run.err());
    }
}
