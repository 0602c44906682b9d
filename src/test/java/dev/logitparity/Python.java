package dev.logitparity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Runs python3 scripts for the interop checks (numpy, pandas). Where a module is missing the test is skipped, unless
 * {@value #REQUIRED_ENV}{@code =1} (set by {@code .ci/run}, which installs the modules) says it must run: then it fails,
 * so CI cannot turn green by skipping what it was meant to check.
 */
public final class Python {
    public static final String REQUIRED_ENV = "LOGITPARITY_REQUIRE_PYTHON";

    public record Result(int exitCode, String output) {
    }

    private Python() {
    }

    /** Returns when python3 imports {@code module}; otherwise aborts the test (skipped), or fails it when required. */
    public static void require(String module) {
        Result probe = run("import " + module);
        if (probe.exitCode() == 0) {
            return;
        }
        String why = probe.output().strip().lines().reduce((first, last) -> last).orElse("no output");
        String missing = "python3 with " + module + " is not available: " + why;
        if ("1".equals(System.getenv(REQUIRED_ENV))) {
            throw new AssertionFailedError(missing + " (" + REQUIRED_ENV + "=1)");
        }
        Assumptions.abort(missing);
    }

    /** Runs {@code python3 -c script args...}; its exit code (-1 when python3 could not run) and merged output. */
    public static Result run(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "python3 timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException noPython) {
            return new Result(-1, noPython.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
