package dev.logitparity.sources;

import dev.logitparity.FileFormatException;

import java.nio.file.Path;

/**
 * Another runtime's output that cannot be turned into a trace. The message is always one line,
 * {@code <file>: <problem>}, so the command line can print it as it is and exit with status 2.
 */
public final class SourceFormatException extends FileFormatException {

    public SourceFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public SourceFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
