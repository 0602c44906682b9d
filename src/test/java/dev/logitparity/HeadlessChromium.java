package dev.logitparity;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real browser for the HTML reports' tests: Debian's {@code chromium}, headless. Tests that need it skip, saying
 * how to get it, where it is not installed ({@code .ci/run} installs it).
 */
public final class HeadlessChromium {

    private HeadlessChromium() {
    }

    /** The chromium binary, or the test is skipped. */
    public static Path require() {
        Path found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(found != null,
                "chromium is not installed (apt-get install -y chromium): the browser rendering is not checked");
        return found;
    }

    /** The page's DOM after its scripts ran. */
    public static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, "--dump-dom");
    }

    /** A screenshot of the page's first {@code width x height} pixels. */
    public static Path screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        run(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height);
        return png;
    }

    private static String run(Path html, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(require().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("chromium")));
        command.addAll(List.of(options));
        command.add(html.toAbsolutePath().toUri().toString());
        Path log = Files.createTempFile("chromium", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("chromium failed on " + html + ": " + Files.readString(log));
        }
        return out;
    }
}
