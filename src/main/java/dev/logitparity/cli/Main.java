package dev.logitparity.cli;

import dev.logitparity.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code divergence-locate}: the command-line entry point. Exit 0 ok, 1 divergence found, 2 bad input or usage. */
@Command(name = "divergence-locate", mixinStandardHelpOptions = true, version = "logit-parity 0.1.0",
        description = "Finds where two LLM runtimes' greedy decodes part, at the level of logits.",
        subcommands = {CaptureCommand.class})
public final class Main {

    public static final int BAD_INPUT = 2;

    // Held so the level set below is not garbage-collected along with the logger.
    private static final Logger LLAMA_LOG = Logger.getLogger("llama.cpp");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        LLAMA_LOG.setLevel(verbose ? Level.ALL : Level.OFF);
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BadInputException || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("divergence-locate: " + e.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        cli.setErr(new PrintWriter(System.err, true));
        return cli.execute(args);
    }
}
