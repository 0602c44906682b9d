package dev.logitparity.trace;

import dev.logitparity.FileFormatException;

import java.nio.file.Path;

/**
 * A trace folder, {@code trace.json} or NPY file that cannot be used as given. The message is always one line,
 * {@code <file>: <problem>}, so a command line can print it as it is.
 */
public final class TraceFormatException extends FileFormatException {

    public TraceFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public TraceFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
