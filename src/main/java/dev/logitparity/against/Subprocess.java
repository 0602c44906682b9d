package dev.logitparity.against;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs another program to completion, its stdout into a file, its stderr kept for the error message. */
public final class Subprocess {

    private static final long TIMEOUT_MINUTES = 30;

    private Subprocess() {
    }

    /**
     * How a finished program ended.
     *
     * @param status        its exit status
     * @param lastErrorLine the last line it wrote to stderr, or "no message"
     */
    public record Outcome(int status, String lastErrorLine) {
    }

    /** Runs {@code command}; a non-zero exit becomes a one-line BadInputException quoting its last stderr line. */
    static void run(String what, List<String> command, Map<String, String> env, Path stdout) {
        Outcome outcome = execute(what, command, env, stdout);
        if (outcome.status() != 0) {
            throw new BadInputException(what + " failed (exit " + outcome.status() + "): " + outcome.lastErrorLine());
        }
    }

    /** Runs {@code command} to its end, whatever its exit status; only failing to start or finish it throws. */
    public static Outcome execute(String what, List<String> command, Map<String, String> env, Path stdout) {
        try {
            Path stderr = Files.createTempFile("logit-parity-", ".stderr");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new BadInputException(what + ": no answer after " + TIMEOUT_MINUTES + " minutes");
                }
                return new Outcome(process.exitValue(), lastLine(Files.readString(stderr, StandardCharsets.UTF_8)));
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new BadInputException(what + ": cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInputException(what + ": interrupted");
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message" : lines[lines.length - 1];
    }
}
