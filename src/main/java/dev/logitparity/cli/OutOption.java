package dev.logitparity.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --out DIR}: the folder a command writes its files to. What goes there, and whether the option is needed, is
 * the command's to say (its description), so one declaration serves them all.
 */
final class OutOption {

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to, created if missing; what it holds is replaced.")
    private Path out;

    /** The folder given, or {@code fallback} (null: none). */
    Path orElse(Path fallback) {
        return out != null ? out : fallback;
    }

    /** @throws CommandLine.ParameterException (a usage error, exit 2) when {@code --out} was not given */
    Path required(CommandSpec spec) {
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
        }
        return out;
    }
}
