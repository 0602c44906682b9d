package dev.logitparity.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logitparity.BadInputException;
import dev.logitparity.llama.LlamaLibrary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a JUnit user sees when {@code -Dlogitparity.lib} points nowhere: a child JVM, because this one has loaded
 * libllama already and a process loads it once.
 */
class MissingLibraryTest {

    @Test
    void theMessageNamesBothTheVariableAndTheProperty(@TempDir Path dir) throws IOException, InterruptedException {
        Path missing = dir.resolve("no-lib");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dlogitparity.lib=" + missing, Probe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertEquals(2, child.waitFor(), output);
        assertEquals(missing + ": libllama folder does not exist (run `make native`, or set LOGIT_PARITY_LIB or "
                + "-Dlogitparity.lib)", output);
    }

    /** Loads the library as a test suite's first capture does, and prints why it could not. */
    static final class Probe {
        public static void main(String[] args) {
            try {
                LlamaLibrary.load();
            } catch (BadInputException e) {
                System.out.println(e.getMessage());
                System.exit(2);
            }
        }
    }
}
