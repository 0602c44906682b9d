package dev.logitparity.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** File access for the readers, every failure turned into a one-line {@link SourceFormatException}. */
final class SourceFiles {

    private SourceFiles() {
    }

    static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Up to {@code limit} bytes from the start of {@code file}. */
    static byte[] readHead(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    static SourceFormatException failure(Path file, IOException e) {
        String problem = switch (e) {
            case NoSuchFileException ignored -> "no such file";
            case AccessDeniedException ignored -> "permission denied";
            default -> "cannot read: " + e.getMessage();
        };
        return new SourceFormatException(file, problem, e);
    }
}
