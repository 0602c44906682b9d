package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.TestModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the real apr 0.72.3's recorded output (src/test/resources/apr-0.72.3) against llama.cpp on the same
 * generated models, as {@code --against FILE}: what the 24 cases must say. The expected causes are the facts
 * read off apr's files by hand: on qwen2 apr wraps the prompt in the GGUF's chat template after a BOS; on gpt2 and
 * llama it splits "fibonacci" as fib|ona|cci / fib|ona|cc|i where llama.cpp splits fib|on|acci.
 */
class AprFixtureReplayTest {
    private static final Path RECORDED = Path.of("src/test/resources/apr-0.72.3");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fixtures were recorded on these exact models: a changed generator makes them stale, which must show. */
    @BeforeAll
    static void modelsAreTheOnesRecordedOn() throws IOException {
        for (String line : Files.readAllLines(RECORDED.resolve("models.sha256"))) {
            String[] hashAndPath = line.split("\\s+");
            String arch = Path.of(hashAndPath[1]).getFileName().toString().replace("-f32.gguf", "");
            assertEquals(hashAndPath[0], sha256(TestModels.path(arch, "f32")), "model " + hashAndPath[1]
                    + " differs from the one the apr fixtures were recorded on: rerun record.sh");
        }
    }

    private static JsonNode replay(String model, String prompt, String fixture) throws IOException {
        CliRun run = CliRun.of(TestModels.path(model, "f32").toString(), prompt, "--against",
                RECORDED.resolve(model + "-f32").resolve(fixture).toString(), "--json");
        JsonNode report = JSON.readTree(run.out());
        // The documented exit status for the verdict each caller then checks: 0 only for IDENTICAL.
        boolean identical = report.get("summary").get("verdict").asText().equals("IDENTICAL");
        assertEquals(identical ? 0 : Main.DIVERGED, run.status(), run.err());
        return report;
    }

    private static String prompt(String model, String name) throws IOException {
        return JSON.readTree(Path.of("oracle/generated", model + "-f32", name + ".json").toFile()).get("prompt")
                .asText();
    }

    @ParameterizedTest(name = "qwen2 {0}")
    @CsvSource({"arithmetic", "code", "completion", "greeting"})
    void qwen2IsATokenizationFindingNamingTheChatTemplateAndBos(String name) throws IOException {
        JsonNode report = replay("qwen2", prompt("qwen2", name), name + ".logprobs.json");
        assertEquals("TOKENIZATION", report.get("summary").get("verdict").asText());
        JsonNode tokenization = report.get("tokenization");
        assertEquals(0, tokenization.get("position").asInt());
        assertEquals(Set.of("CHAT_TEMPLATE:B", "BOS:B"), causes(tokenization));
        String reason = report.get("summary").get("reason").asText();
        assertTrue(reason.contains("chat template (the GGUF's tokenizer.chat_template)"), reason);
        assertTrue(reason.contains("B prepends BOS (id 151643)"), reason);
        assertEquals("<|endoftext|>", tokenization.get("piecesB").get(0).asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gpt2, 2, ' fib|on|acci', ' fib|ona|cci'", "llama, 3, ' fib|on|acci', ' fib|ona|cc|i'"})
    void fibonacciIsASplitDifferenceAtItsPositionWithBothSplits(String model, int position, String splitA,
                                                                String splitB) throws IOException {
        JsonNode report = replay(model, "def fibonacci(n):", "code.logprobs.json");
        assertEquals("TOKENIZATION", report.get("summary").get("verdict").asText());
        JsonNode tokenization = report.get("tokenization");
        assertEquals(position, tokenization.get("position").asInt());
        assertEquals(Set.of("SPLIT:B"), causes(tokenization));
        String summary = tokenization.get("summary").asText();
        assertTrue(summary.contains("A has '" + splitA + "', B '" + splitB + "'"), summary);
        assertTrue(summary.contains("A's split is the GGUF's own tokenizer's"), summary);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"gpt2, arithmetic", "gpt2, completion", "gpt2, greeting", "llama, arithmetic", "llama, completion",
            "llama, greeting"})
    void theOtherCasesAreTwoSidedOverAprsTopTwentyAndNotABug(String model, String name) throws IOException {
        JsonNode summary = replay(model, prompt(model, name), name + ".logprobs.json").get("summary");
        assertEquals("TWO_SIDED", summary.get("mode").asText());
        assertTrue(summary.get("prompt").get("firstDifference").isNull(), summary.toString());
        // F32 on both sides: a near-tie flip at most, never a weights/architecture verdict.
        assertTrue(Set.of("IDENTICAL", "NEAR_TIE_FLIP").contains(summary.get("verdict").asText()),
                summary.toString());
        assertTrue(summary.get("minimalPassingBand").get("logprob").asDouble() > 0, summary.toString());
    }

    @Test
    void theArbiterOverATopKSourceMeasuresBothSidesGapAndSaysWhatDecided(@TempDir Path dir) throws IOException {
        // apr's record with its first two step-0 candidates swapped: B now chooses its runner-up, so the sides part
        // at step 0 whatever llama.cpp's CPU kernels round, and both candidates are in B's list.
        ObjectNode apr = (ObjectNode) JSON.readTree(RECORDED.resolve("llama-f32/greeting.logprobs.json").toFile());
        ObjectNode step0 = (ObjectNode) apr.get("logprobs").get("steps").get(0);
        ObjectNode first = (ObjectNode) step0.get("top").get(0);
        ObjectNode second = (ObjectNode) step0.get("top").get(1);
        double logit = first.get("logit").asDouble();
        first.put("logit", second.get("logit").asDouble());
        second.put("logit", logit);
        int runnerUp = second.get("token_id").asInt();
        step0.put("chosen", runnerUp);
        ((ArrayNode) apr.get("tokens")).set(0, runnerUp);
        Path swapped = dir.resolve("swapped.json");
        JSON.writeValue(swapped.toFile(), apr);

        CliRun run = CliRun.of(TestModels.path("llama", "f32").toString(), prompt("llama", "greeting"), "--against",
                swapped.toString(), "--json", "--arbiter");
        JsonNode report = JSON.readTree(run.out());
        assertEquals(0, report.get("summary").get("divergence").get("step").asInt(), run.err());
        JsonNode arbitration = report.get("arbitration");
        assertEquals(runnerUp, arbitration.get("tokenB").asInt());
        assertTrue(arbitration.get("distanceB").isNumber(), arbitration.toString());
        assertTrue(arbitration.get("basis").asText().contains("gap between the two candidates"),
                arbitration.toString());
        double lead = arbitration.get("distanceB").asDouble() - arbitration.get("distanceA").asDouble();
        assertEquals(lead > 0 ? "A" : lead < 0 ? "B" : "tie", arbitration.get("nearer").asText());
    }

    @Test
    void aDifferentPromptTokenCountAloneIsATokenizationFindingNotALogitOne() throws IOException {
        JsonNode report = replay("qwen2", "def fibonacci(n):", "code.json");
        JsonNode summary = report.get("summary");
        assertEquals("TOKENIZATION", summary.get("verdict").asText());
        assertEquals(Set.of("COUNT:B"), causes(report.get("tokenization")));
        assertTrue(summary.get("reason").asText().contains("B reports 23 prompt tokens"), summary.toString());
        assertTrue(summary.get("reason").asText().contains("llama.cpp (the GGUF's tokenizer) has 4"),
                summary.toString());
    }

    @Test
    void anEqualCountIsNotTakenForEqualIds() throws IOException {
        JsonNode summary = replay("gpt2", "The capital of France is", "completion.json").get("summary");
        assertEquals("ONE_SIDED", summary.get("mode").asText());
        assertNotEquals("TOKENIZATION", summary.get("verdict").asText());
        assertTrue(notes(summary).stream().anyMatch(note -> note.contains("prompt-token count, 5, the same as "
                + "llama.cpp's; its prompt ids are not known")), summary.toString());
    }

    static Set<String> causes(JsonNode tokenization) {
        Set<String> out = new java.util.HashSet<>();
        tokenization.get("causes").forEach(c -> out.add(c.get("kind").asText() + ":" + c.get("side").asText()));
        return out;
    }

    static List<String> notes(JsonNode summary) {
        return StreamSupport.stream(summary.get("notes").spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
