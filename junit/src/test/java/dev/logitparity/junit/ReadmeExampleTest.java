package dev.logitparity.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your own tests" shows the example project's files; {@code make test} builds and runs that
 * project, so the snippet a user copies is the one that is tested only if the two are the same text.
 */
class ReadmeExampleTest {
    private static final Path ROOT = Path.of(System.getProperty("logitparity.root", ".."));
    /** A line naming an example file in backticks, a blank line, then a fenced block. */
    private static final Pattern SHOWN_FILE = Pattern.compile(
            "^`(junit/example/[^`]+)`:\\n\\n```[a-z]*\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void theReadmeShowsTheExampleProjectsPomAndTestClassVerbatim() throws IOException {
        Matcher shown = SHOWN_FILE.matcher(Files.readString(ROOT.resolve("README.md")));
        Map<String, String> inReadme = new TreeMap<>();
        while (shown.find()) {
            inReadme.put(shown.group(1), shown.group(2));
        }
        Map<String, String> onDisk = new TreeMap<>();
        for (String file : inReadme.keySet()) {
            onDisk.put(file, Files.readString(ROOT.resolve(file)));
        }

        assertEquals(Set.of("junit/example/pom.xml",
                "junit/example/src/test/java/com/example/MyRuntimeTest.java"), inReadme.keySet());
        assertEquals(onDisk, inReadme);
    }
}
