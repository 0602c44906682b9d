package dev.logitparity.cli;

import dev.logitparity.BadInputException;
import dev.logitparity.Printable;
import dev.logitparity.peers.PeerFailedException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The command-line entry point: streams, one-line errors, exit codes. The commands are {@link LocateCommand}'s. */
public final class Main {

    public static final int DIVERGED = 1;
    public static final int BAD_INPUT = 2;
    /** The other runtime timed out or crashed: no comparison was made. Shares 3 with {@link #INTERNAL_ERROR}. */
    public static final int PEER_FAILED = 3;
    /** Anything unexpected (a bug here or in llama.cpp): never 1, which CI reads as "divergence found". */
    public static final int INTERNAL_ERROR = 3;

    // Held so the level set below is not garbage-collected along with the logger.
    private static final Logger LLAMA_LOG = Logger.getLogger("llama.cpp");

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    /** Runs the CLI with the given streams and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        LLAMA_LOG.setLevel(verbose ? Level.ALL : Level.OFF);
        warnAboutUndecodableArguments(args, err);
        int status = commandLine(out, err, verbose).execute(args);
        out.flush();
        err.flush();
        return status;
    }

    /** The command tree with its streams, help layout and error handlers: what {@link #run} executes. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, boolean verbose) {
        CommandLine cli = new CommandLine(new LocateCommand())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                // --against llama.cpp:threads=1 re-runs the parent's options with overrides appended.
                .setOverwrittenOptionsAllowed(true)
                // should the handler below itself fail, still not 1
                .setExitCodeExceptionMapper(e -> INTERNAL_ERROR)
                // the terminal's width, not 80 columns; examples are never wrapped mid-argument (Examples)
                .setUsageHelpAutoWidth(true);
        Examples.install(cli);
        cli.setParameterExceptionHandler((e, arguments) -> {
            e.getCommandLine().getErr().println("divergence-locate: " + Printable.oneLine(e.getMessage()) + " (see --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BadInputException) {
                cmd.getErr().println("divergence-locate: " + Printable.oneLine(e.getMessage()));
                return BAD_INPUT;
            }
            if (e instanceof PeerFailedException) {
                cmd.getErr().println("divergence-locate: " + Printable.oneLine(e.getMessage()));
                return PEER_FAILED;
            }
            if (e instanceof IOException || e instanceof UncheckedIOException) {
                IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
                cmd.getErr().println("divergence-locate: " + Printable.oneLine(describe(io)));
                return BAD_INPUT;
            }
            return internalError(e, cmd.getErr(), verbose);
        });
        return cli;
    }

    /**
     * The JVM turns bytes of an argument that are not valid UTF-8 into U+FFFD before we see them: a prompt would be
     * tokenised with replacement characters the user never typed. Say so once; the run goes on.
     */
    private static void warnAboutUndecodableArguments(String[] args, PrintWriter err) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf(REPLACEMENT_CHARACTER) >= 0) {
                err.println("divergence-locate: warning: argument " + (i + 1) + " (" + Printable.oneLine(args[i])
                        + ") has bytes that are not valid UTF-8 (locale " + System.getProperty("sun.jnu.encoding")
                        + "); they are read as U+FFFD");
            }
        }
    }

    private static int internalError(Exception e, PrintWriter err, boolean verbose) {
        // picocli hands an Error (OutOfMemoryError, ...) over wrapped in its ExecutionException
        Throwable cause = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        err.println("divergence-locate: internal error: " + cause.getClass().getSimpleName() + ": "
                + Printable.oneLine(cause.getMessage()) + (verbose ? "" : " (--verbose shows where)"));
        if (verbose) {
            cause.printStackTrace(err);
        }
        return INTERNAL_ERROR;
    }

    // NIO's file exceptions carry only the path as their message.
    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> n.getFile() + ": no such file or folder";
            case FileAlreadyExistsException f -> f.getFile() + ": already exists"
                    + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            default -> e.getMessage();
        };
    }
}
