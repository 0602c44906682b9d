package dev.logitparity.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One version, the build's: --version says what the reactor's pom.xml says, not a literal in the code. */
class VersionTest {

    @Test
    void versionIsThePomVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>logit-parity-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "pom.xml names the reactor's version");
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.status(), run.err());
        assertEquals("logit-parity " + version.group(1), run.out().strip());
    }
}
