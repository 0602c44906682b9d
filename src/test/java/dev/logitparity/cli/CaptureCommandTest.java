package dev.logitparity.cli;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureCommandTest {

    @Test
    void printsTextAndTopTokensAndWritesTheTrace(@TempDir Path dir) {
        Path out = dir.resolve("trace");
        CliRun run = CliRun.of("capture", TestModels.path("qwen2", "f32").toString(), "The capital of France is",
                "--steps", "5", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("text:"), run.out());
        assertEquals(5, run.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d+\\s+\".*")).count(), run.out());
        assertTrue(Files.isRegularFile(out.resolve("trace.json")));
        assertTrue(Files.isRegularFile(out.resolve("logits.npy")));
    }

    @Test
    void llamaOptionsReachTheRecordedSettings(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("trace");
        CliRun run = CliRun.of("capture", TestModels.path("llama", "f16").toString(), "Hi", "--steps", "2",
                "--flash-attn", "off", "--threads", "1", "--batch", "64", "--no-repack", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        String json = Files.readString(out.resolve("trace.json"));
        for (String setting : new String[] {"\"flash_attn\" : \"off\"", "\"n_threads\" : \"1\"",
                "\"n_batch\" : \"64\"", "\"repack\" : \"false\""}) {
            assertTrue(json.replaceAll("\"\\s*:\\s*\"", "\" : \"").contains(setting), setting + " in " + json);
        }
    }

    @Test
    void missingModel(@TempDir Path dir) {
        Path missing = dir.resolve("missing.gguf");
        assertBadInput(List.of("capture", missing.toString(), "hi"), missing + ": model file does not exist");
    }

    @Test
    void truncatedGguf(@TempDir Path dir) throws IOException {
        Path model = TestModels.path("gpt2", "f32");
        for (long length : new long[] {10, 1_000, Files.size(model) / 2}) {
            Path cut = dir.resolve("cut-" + length + ".gguf");
            try (InputStream in = Files.newInputStream(model)) {
                Files.write(cut, in.readNBytes((int) length));
            }
            CliRun run = CliRun.of("capture", cut.toString(), "hi");
            assertEquals(Main.BAD_INPUT, run.status());
            assertOneLineNaming(run.err(), cut.toString());
        }
    }

    @Test
    void nonGgufFile(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("model.gguf"), "not a model at all\n".repeat(10));
        CliRun run = CliRun.of("capture", text.toString(), "hi");
        assertEquals(Main.BAD_INPUT, run.status());
        assertOneLineNaming(run.err(), text.toString());
    }

    @Test
    void emptyPrompt() {
        assertBadInput(List.of("capture", TestModels.path("gpt2", "f32").toString(), ""), "prompt is empty");
    }

    @Test
    void promptLongerThanTheContext() {
        CliRun run = CliRun.of("capture", TestModels.path("gpt2", "f32").toString(), "word ".repeat(400),
                "--ctx", "256", "--steps", "4");
        assertEquals(Main.BAD_INPUT, run.status());
        assertTrue(run.err().matches("divergence-locate: prompt is \\d+ tokens; with 4 steps that exceeds the "
                + "context of 256 tokens\\R"), run.err());
    }

    @Test
    void badInputExitsTwoFromARealProcessWithoutACrash(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("x.gguf"), "GGUF but not really");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dlogitparity.lib=" + System.getProperty("logitparity.lib", "native/lib"),
                Main.class.getName(), "capture", text.toString(), "hi").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(Main.BAD_INPUT, p.exitValue(), output);
        assertOneLineNaming(output, text.toString());
        assertFalse(Files.list(dir).anyMatch(f -> f.getFileName().toString().startsWith("hs_err")));
    }

    private static void assertBadInput(List<String> args, String message) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(Main.BAD_INPUT, run.status(), run.err());
        assertEquals("divergence-locate: " + message + System.lineSeparator(), run.err());
    }

    private static void assertOneLineNaming(String err, String input) {
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("divergence-locate: " + input + ": "), err);
    }
}
