package dev.logitparity.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a python3 script for interop checks; tests skip through Assumptions when python3 or a module is missing. */
final class Python {
    record Result(int exitCode, String output) {
    }

    private Python() {
    }

    static boolean has(String module) {
        return run("import " + module).exitCode() == 0;
    }

    static Result run(String script, String... args) {
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
