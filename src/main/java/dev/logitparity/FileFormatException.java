package dev.logitparity;

import java.nio.file.Path;

/**
 * A file that cannot be used as what it was given for (a GGUF, a trace, another runtime's dump). The message is
 * always one line, {@code <file>: <problem>}: parser messages that wrap lines are folded and what came from the file
 * is escaped ({@link Printable}), so a command line can print it as it is.
 */
public class FileFormatException extends BadInputException {

    private final transient Path file;
    private final String problem;

    public FileFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + Printable.oneLine(problem), cause);
        this.file = file;
        this.problem = Printable.oneLine(problem);
    }

    public Path file() {
        return file;
    }

    /** The message without the file. */
    public String problem() {
        return problem;
    }
}
