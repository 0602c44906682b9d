package dev.logitparity.gguf;

import dev.logitparity.FileFormatException;

import java.nio.file.Path;

/**
 * A file that cannot be used as GGUF: missing, unreadable, not GGUF, an unsupported version, inconsistent, or cut short.
 */
public final class GgufFormatException extends FileFormatException {

    public GgufFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public GgufFormatException(Path file, String problem, Throwable cause) {
        super(file, problem, cause);
    }
}
