package dev.logitparity.trace;

import dev.logitparity.BadInputException;

import java.nio.file.Path;

/**
 * A trace folder, {@code trace.json} or NPY file that cannot be used as given. The message is always one line,
 * {@code <file>: <problem>}, so a command line can print it as it is.
 */
public final class TraceFormatException extends BadInputException {
    private final Path file;
    private final String problem;

    public TraceFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public TraceFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + oneLine(problem), cause);
        this.file = file;
        this.problem = oneLine(problem);
    }

    public Path file() {
        return file;
    }

    public String problem() {
        return problem;
    }

    // Parser messages (Jackson's in particular) wrap lines; a CLI error must stay one line.
    private static String oneLine(String text) {
        return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
