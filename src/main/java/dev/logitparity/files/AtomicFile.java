package dev.logitparity.files;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name beside its target and renames it into place, so a failure at any point leaves
 * no file behind and a reader never sees a half-written one.
 */
public final class AtomicFile {

    @FunctionalInterface
    public interface Body {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    /** @throws BadInputException naming {@code target} (never the temporary file) when it cannot be written */
    public static Path write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp;
        try {
            Files.createDirectories(absolute.getParent());
            temp = TemporaryFiles.fileBeside(absolute);
        } catch (FileSystemException e) {
            throw cannotWrite(target, e);
        }
        try {
            body.writeTo(temp);
            return Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            delete(temp, e);
            throw cannotWrite(target, e);
        } catch (IOException | RuntimeException | Error e) {
            delete(temp, e);
            throw e;
        } finally {
            TemporaryFiles.release(temp);
        }
    }

    private static void delete(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    /** NIO names the file it failed on, which may be the temporary one, and gives no reason for some failures. */
    public static BadInputException cannotWrite(Path target, FileSystemException e) {
        String reason = switch (e) {
            case AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such folder";
            default -> e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
        };
        return new BadInputException(target + ": cannot write it: " + reason, e);
    }
}
