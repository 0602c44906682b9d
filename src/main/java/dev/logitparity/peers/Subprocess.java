package dev.logitparity.peers;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs another program to completion, its stdout into a file, its stderr kept for the report or the error. */
public final class Subprocess {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** A process killed by signal N exits with 128 + N. */
    private static final int SIGNAL_BASE = 128;
    /** Rust's exit status after a panic. */
    private static final int RUST_PANIC = 101;

    private Subprocess() {
    }

    /** Runs {@code command}; a non-zero exit becomes a one-line BadInputException quoting its last stderr line. */
    static void run(String what, List<String> command, Map<String, String> env, Path stdout) {
        Result result = capture(what, command, env, stdout, DEFAULT_TIMEOUT);
        if (result.exit() != 0) {
            throw new BadInputException(what + " failed (exit " + result.exit() + "): " + result.lastLine());
        }
    }

    /**
     * What a finished program said: its exit status and its stderr.
     *
     * @param stderr everything it wrote to stderr
     */
    public record Result(int exit, String stderr) {

        /** stderr's last non-blank line, the one that usually says what went wrong. */
        public String lastLine() {
            String[] lines = stderr.strip().split("\\R");
            return lines.length == 0 || lines[lines.length - 1].isBlank() ? "no message" : lines[lines.length - 1];
        }

        /** stderr's non-blank lines. */
        List<String> lines() {
            return stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    /**
     * Runs {@code command} to completion, stdout into a file, and returns its exit status and stderr whatever they
     * are, except a run that cannot count as an answer: one past {@code timeout}, one killed by a signal (exit
     * 128+N), or a Rust panic (exit 101) ends in a {@link PeerFailedException} saying which.
     */
    static Result capture(String what, List<String> command, Map<String, String> env, Path stdout,
                          Duration timeout) {
        Result result = execute(what, command, env, stdout, timeout);
        if (result.exit() > SIGNAL_BASE) {
            throw new PeerFailedException(what + " crashed: killed by signal " + (result.exit() - SIGNAL_BASE)
                    + " (" + result.lastLine() + ")");
        }
        if (result.exit() == RUST_PANIC) {
            throw new PeerFailedException(what + " crashed: it panicked (exit 101): " + result.lastLine());
        }
        return result;
    }

    /**
     * Runs {@code command} to its end, whatever its exit status (a signal too: the caller decides what an abort
     * means); only failing to start it, or a run past {@code timeout}, throws.
     */
    public static Result execute(String what, List<String> command, Map<String, String> env, Path stdout,
                                 Duration timeout) {
        try {
            Path stderr = Files.createTempFile("logit-parity-", ".stderr");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new PeerFailedException(what + " timed out: no answer after " + timeout.toSeconds()
                            + " s");
                }
                return new Result(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
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

}
