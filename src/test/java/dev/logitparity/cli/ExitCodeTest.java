package dev.logitparity.cli;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exit status 3 for what is nobody's input: CI must not read an internal error as "divergence found" (1). */
class ExitCodeTest {

    @Test
    void anUnexpectedExceptionExitsThreeWithOneLineAndNoStackTrace() throws Exception {
        // Native access switched off is a real internal failure: the bridge throws IllegalStateException.
        CliRun run = ChildJvm.withoutNativeAccess().run("capture", model(), "Hello", "--steps", "1");
        assertEquals(Main.INTERNAL_ERROR, run.status(), run.err());
        String err = withoutJvmWarnings(run.err());
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("divergence-locate: internal error: IllegalStateException: native access is disabled"),
                err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        CliRun run = ChildJvm.withoutNativeAccess().run("capture", model(), "Hello", "--steps", "1", "--verbose");
        assertEquals(Main.INTERNAL_ERROR, run.status(), run.err());
        assertTrue(run.err().contains("\tat dev.logitparity.llama.NativeAccessCheck.require"), run.err());
    }

    @Test
    void helpDocumentsAllFourExitCodes() {
        CliRun run = CliRun.of("--help");
        String help = run.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("0 no divergence within the band, 1 divergence, 2 bad input, 3 internal error"), help);
    }

    private static String model() {
        return TestModels.path("gpt2", "f32").toString();
    }

    // JDK 25 warns on stderr about the restricted method it was asked to call; that is the JVM's, not ours.
    private static String withoutJvmWarnings(String err) {
        return err.lines().filter(l -> !l.startsWith("WARNING:")).reduce("", (a, b) -> a + b + "\n");
    }
}
