package dev.logitparity.peers;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code apr} (aprender's apr-cli) on the same model and prompt, its JSON output into a file. An apr
 * whose {@code run --help} offers {@code --logprobs} (0.72 and later) is asked for its top-{@value #TOP_K} logits and
 * prompt ids, so the comparison is two-sided; an older one (0.2.18 prints nine keys) gives tokens only.
 *
 * @param executable the apr program: a path, or a bare name looked up on PATH
 * @param timeout    how long one apr run may take
 */
public record AprRunner(Path executable, Duration timeout) {

    /** apr's largest {@code --logprobs} (it mirrors the HTTP API's {@code top_logprobs}). */
    public static final int TOP_K = 20;
    /** apr's exit status when the completion is empty or whitespace only: a result, not a failure. */
    public static final int EXIT_NO_TEXT = 8;
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(1);

    /** The apr on PATH, with the default timeout. */
    public static AprRunner onPath() {
        return new AprRunner(Path.of("apr"), Subprocess.DEFAULT_TIMEOUT);
    }

    /**
     * What the apr binary says it is.
     *
     * @param version  {@code apr --version}'s line, e.g. {@code apr 0.72.3 (9c34b9a91)}
     * @param logprobs whether {@code apr run} takes {@code --logprobs}
     */
    public record Capabilities(String version, boolean logprobs) {
    }

    /**
     * One finished apr run.
     *
     * @param command  the command line, for the report
     * @param exit     0, or {@link #EXIT_NO_TEXT}
     * @param warnings apr's stderr lines (warnings it printed while succeeding)
     */
    public record Run(Capabilities capabilities, List<String> command, int exit, List<String> warnings) {

        public boolean producedNoText() {
            return exit == EXIT_NO_TEXT;
        }
    }

    public Capabilities probe() {
        requireRunnable();
        String version = output(List.of(program(), "--version")).strip();
        boolean logprobs = output(List.of(program(), "run", "--help")).contains("--logprobs");
        return new Capabilities(version.isEmpty() ? "apr (version unknown)" : version.lines().findFirst().orElseThrow(),
                logprobs);
    }

    /** Runs {@code apr run} greedily for {@code maxTokens} tokens; its stdout lands in {@code jsonOut}. */
    public Run run(Path model, String prompt, int maxTokens, Path jsonOut) {
        Capabilities capabilities = probe();
        List<String> command = new ArrayList<>(List.of(program(), "run", model.toString(), "--prompt", prompt,
                "--json", "--max-tokens", Integer.toString(maxTokens)));
        if (capabilities.logprobs()) {
            command.addAll(List.of("--logprobs", Integer.toString(TOP_K)));
        }
        Subprocess.Result result = Subprocess.capture("apr run", command, Map.of(), jsonOut, timeout);
        if (result.exit() != 0 && result.exit() != EXIT_NO_TEXT) {
            throw new BadInputException("apr run " + model + " failed (exit " + result.exit() + "): "
                    + result.lastLine());
        }
        return new Run(capabilities, List.copyOf(command), result.exit(), result.lines());
    }

    private String output(List<String> command) {
        try {
            Path out = Files.createTempFile("logit-parity-apr-", ".out");
            try {
                Subprocess.Result result = Subprocess.capture(command.get(1).equals("run") ? "apr run --help"
                        : "apr --version", command, Map.of(), out, PROBE_TIMEOUT);
                return result.exit() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : "";
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireRunnable() {
        boolean bareName = executable.getNameCount() == 1 && executable.getParent() == null;
        if (bareName ? !Subprocess.onPath(executable.toString()) : !Files.isExecutable(executable)) {
            throw new BadInputException(bareName
                    ? "--against apr: " + executable + " is not on PATH (install it with `cargo install apr-cli`, "
                    + "or give --apr PATH)"
                    : "--apr " + executable + ": no such executable file");
        }
    }

    private String program() {
        return executable.toString();
    }
}
