package dev.logitparity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** divergence-locate names every file it wrote, one line each, after the report (on stderr with --json). */
class OutputListingTest {

    @TempDir
    Path dir;

    private String[] arguments(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("models/llama-f32.gguf", "The capital of France is",
                "--against", "models/llama-q8_0.gguf", "--steps", "4",
                "--csv", dir.resolve("s.csv").toString(), "--npy", dir.resolve("npy").toString(),
                "--chart", dir.resolve("c.png").toString(), "--html", dir.resolve("r.html").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private List<String> expectedLines() {
        return List.of("wrote " + dir.resolve("s.csv") + " (per-step log-probs, long form)",
                "wrote " + dir.resolve("npy").resolve("a.npy") + " (A's logits, float32 [steps, vocab])",
                "wrote " + dir.resolve("npy").resolve("b.npy") + " (B's logits, float32 [steps, vocab])",
                "wrote " + dir.resolve("c.png") + " (per-step chart)",
                "wrote " + dir.resolve("r.html") + " (HTML report)");
    }

    @Test
    void theTextReportEndsWithOneLinePerFileWritten() throws Exception {
        CliRun run = CliRun.of(arguments());
        assertTrue(run.status() == 0 || run.status() == 1, run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(expectedLines(), lines.subList(lines.size() - 5, lines.size()));
        for (String line : expectedLines()) {
            Path file = Path.of(line.substring("wrote ".length(), line.indexOf(" (")));
            assertTrue(Files.size(file) > 0, file + " exists and is not empty");
        }
    }

    @Test
    void withJsonTheListGoesToStderrAndStdoutStaysOneJsonDocument() throws Exception {
        CliRun run = CliRun.of(arguments("--json"));
        assertTrue(run.status() == 0 || run.status() == 1, run.err());
        assertEquals("logit-parity-report", new ObjectMapper().readTree(run.out()).get("format").asText());
        assertEquals(expectedLines(), run.err().lines().filter(l -> l.startsWith("wrote ")).toList());
    }
}
