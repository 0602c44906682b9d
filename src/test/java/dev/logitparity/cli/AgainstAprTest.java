package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --against apr --apr PATH}: with stand-ins for what an apr may do (an old one without --logprobs, exit 8, a
 * hang, a crash), and end to end with the real apr 0.72.3 where {@code ../shared/peers/apr-0.72.3/apr} exists.
 */
class AgainstAprTest {
    /** Where CI and developers' checkouts have the real apr: beside the repository, in shared/. */
    private static final Path REAL_APR = Path.of("../shared/peers/apr-0.72.3/apr");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "The capital of France is";

    @TempDir
    Path dir;

    /** A shell script standing in for apr: {@code --version} and {@code run --help} answered, {@code run} as given. */
    private Path standIn(String help, String run) throws IOException {
        Path apr = dir.resolve("apr");
        Files.writeString(apr, "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo 'apr 0.2.18'; exit 0; fi\n"
                + "if [ \"$2\" = --help ]; then echo '" + help + "'; exit 0; fi\n"
                + run + "\n");
        assertTrue(apr.toFile().setExecutable(true));
        return apr;
    }

    private static CliRun locate(Path apr, String... more) {
        String[] args = new String[]{TestModels.path("gpt2", "f32").toString(), PROMPT, "--against", "apr", "--apr",
                apr.toString(), "--steps", "4", "--json"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void anOldAprWithoutLogprobsIsOneSidedAndTheReportSaysWhyAndKeepsItsWarnings() throws IOException {
        Path apr = standIn("  -n, --max-tokens <N>", "echo 'warning: something apr wants said' >&2\n"
                + "echo '{\"model\":\"m\",\"text\":\" x\",\"tokens\":[13,13],\"tokens_generated\":2}'");
        CliRun run = locate(apr);
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("ONE_SIDED", summary.get("mode").asText());
        String notes = summary.get("notes").toString();
        assertTrue(notes.contains("apr 0.2.18 has no --logprobs: B gives tokens only"), notes);
        assertTrue(notes.contains("apr said on stderr: warning: something apr wants said"), notes);
        assertTrue(notes.contains("B gave no prompt ids: the prompt was not checked"), notes);
        assertFalse(notes.contains("--logprobs 20"), notes);
    }

    @Test
    void exitEightIsAResultThatAprProducedNoText() throws IOException {
        Path apr = standIn("  --logprobs <K>", "exit 8");
        CliRun run = locate(apr);
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("EARLY_STOP", summary.get("verdict").asText());
        assertEquals(0, summary.get("lengths").get("stepsB").asInt());
        assertEquals(4, summary.get("lengths").get("stepsA").asInt());
        assertTrue(summary.get("notes").toString().contains("apr produced no text (exit 8"), summary.toString());
    }

    @Test
    void aHungAprIsItsOwnMessageAndExitStatus() throws IOException {
        Path apr = standIn("  --logprobs <K>", "sleep 30");
        CliRun run = locate(apr, "--apr-timeout", "1");
        assertEquals(Main.PEER_FAILED, run.status(), run.err());
        assertEquals("divergence-locate: apr run timed out: no answer after 1 s", run.err().strip());
    }

    @Test
    void aCrashedAprIsItsOwnMessageAndExitStatus() throws IOException {
        Path apr = standIn("  --logprobs <K>", "echo 'about to fall over' >&2; kill -SEGV $$");
        CliRun run = locate(apr);
        assertEquals(Main.PEER_FAILED, run.status(), run.err());
        assertTrue(run.err().contains("apr run crashed: killed by signal 11"), run.err());
    }

    @Test
    void aMissingAprPathIsBadInput() {
        CliRun run = locate(dir.resolve("no-such-apr"));
        assertEquals(Main.BAD_INPUT, run.status());
        assertTrue(run.err().contains("no such executable file"), run.err());
    }

    private static void assumeRealApr() {
        assumeTrue(Files.isExecutable(REAL_APR), "the real apr 0.72.3 is not at " + REAL_APR.toAbsolutePath()
                + " (it is a test peer of CI and developers' checkouts, not of a user's)");
    }

    @Test
    void realAprOnQwen2IsATokenizationFindingNamingTheChatTemplateAndBos() throws IOException {
        assumeRealApr();
        CliRun run = CliRun.of(TestModels.path("qwen2", "f32").toString(), "def fibonacci(n):", "--against", "apr",
                "--apr", REAL_APR.toString(), "--steps", "4", "--json");
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals("TOKENIZATION", report.get("summary").get("verdict").asText());
        assertEquals(java.util.Set.of("CHAT_TEMPLATE:B", "BOS:B"),
                AprFixtureReplayTest.causes(report.get("tokenization")));
        assertTrue(report.get("summary").get("notes").toString().contains("--logprobs 20` (apr 0.72.3"),
                report.toString());
    }

    @Test
    void realAprOnGpt2IsTwoSidedOverItsTopTwentyAndKeepsItsTokenizerWarning() throws IOException {
        assumeRealApr();
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString(), PROMPT, "--against", "apr", "--apr",
                REAL_APR.toString(), "--steps", "8", "--json");
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals(summary.get("verdict").asText().equals("IDENTICAL") ? 0 : Main.DIVERGED, run.status(),
                run.err());
        assertEquals("TWO_SIDED", summary.get("mode").asText());
        assertNotEquals("LOGIT_MISMATCH", summary.get("verdict").asText());
        assertTrue(summary.get("notes").toString().contains("apr said on stderr: warning: byte-level BPE "
                + "tokenizer: pre-tokenizer 'gpt-2' is not implemented"), summary.toString());
    }
}
