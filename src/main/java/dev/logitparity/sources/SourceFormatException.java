package dev.logitparity.sources;

import dev.logitparity.BadInputException;

import java.nio.file.Path;

/**
 * Another runtime's output that cannot be turned into a trace. The message is always one line,
 * {@code <file>: <problem>}, so the command line can print it as it is and exit with status 2.
 */
public final class SourceFormatException extends BadInputException {
    private final Path file;
    private final String problem;

    public SourceFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public SourceFormatException(Path file, String problem, Throwable cause) {
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

    // Parser and tokenizer messages may wrap lines; a CLI error must stay one line.
    private static String oneLine(String text) {
        return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
