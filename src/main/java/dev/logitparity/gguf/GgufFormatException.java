package dev.logitparity.gguf;

import dev.logitparity.BadInputException;

import java.nio.file.Path;

/**
 * A file that cannot be used as GGUF: missing, unreadable, not GGUF, an unsupported version, inconsistent, or cut short.
 * The message is always one line, {@code <path>: <problem>}, so that a CLI can print it as is.
 */
public final class GgufFormatException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;
    private final String problem;

    public GgufFormatException(Path path, String problem) {
        this(path, problem, null);
    }

    public GgufFormatException(Path path, String problem, Throwable cause) {
        super(path + ": " + oneLine(problem), cause);
        this.path = path;
        this.problem = oneLine(problem);
    }

    public Path path() {
        return path;
    }

    /** The message without the path. */
    public String problem() {
        return problem;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
