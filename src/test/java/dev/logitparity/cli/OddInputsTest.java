package dev.logitparity.cli;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inputs a new user gives by accident: a FIFO for a file, a truncated dump, a prompt that is not valid UTF-8. */
class OddInputsTest {

    private static final String MODEL = TestModels.path("gpt2", "f32").toString();

    @Test
    void aFifoAsTheModelIsRefusedInsteadOfWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir);
        CliRun run = CliRun.of(fifo.toString(), "Hello", "--steps", "1");
        assertEquals(2, run.status(), run.err());
        assertEquals("divergence-locate: " + fifo + ": is not a regular file (a FIFO, socket or device), not a GGUF "
                + "file", run.err().strip());
    }

    @Test
    void aFifoAsTheOtherSideIsRefusedInsteadOfWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = fifo(dir);
        CliRun run = CliRun.of(MODEL, "Hello", "--steps", "1", "--against", fifo.toString());
        assertEquals(2, run.status(), run.err());
        assertEquals("divergence-locate: " + fifo + ": is not a regular file (a FIFO, socket or device)",
                run.err().strip());
    }

    @Test
    void aTruncatedDumpIsNamedWithoutJacksonsInternals(@TempDir Path dir) throws IOException {
        Path dump = Files.writeString(dir.resolve("cut.jsonl"), "{\"format\":\"logit-parity-jsonl\",\"version\":1}\n"
                + "{\"step\":0,\"token\":1,\"logits\":[1.0,2");
        CliRun run = CliRun.of(MODEL, "Hello", "--steps", "1", "--against", dump.toString());
        assertEquals(2, run.status(), run.err());
        assertEquals("divergence-locate: " + dump + ": line 2, column 36: the file ends inside a JSON value "
                + "(truncated?)", run.err().strip());
    }

    @Test
    void aPromptWithBytesThatAreNotUtf8IsWarnedAboutAndStillRuns(@TempDir Path dir) {
        // what the JVM hands us for "caf\xe9": the byte that is not UTF-8 already replaced
        CliRun run = CliRun.of("capture", MODEL, "caf\uFFFD au lait", "--steps", "1", "--out",
                dir.resolve("t").toString());
        assertEquals(0, run.status(), run.err());
        // escaped in the message, as everything that came from outside is
        assertTrue(run.err().startsWith("divergence-locate: warning: argument 3 (caf\\ufffd au lait) has bytes that "
                + "are not valid UTF-8"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    private static Path fifo(Path dir) throws IOException, InterruptedException {
        Path fifo = dir.resolve("model.gguf");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        return fifo;
    }
}
