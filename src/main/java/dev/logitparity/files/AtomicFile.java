package dev.logitparity.files;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one way this project writes an output: under a temporary name beside its target, renamed into place, so a
 * failure at any point leaves no file behind and a reader never sees a half-written one. The temporary is registered
 * with {@link TemporaryFiles} (deleted on SIGINT/SIGTERM) and gets the permissions the umask gives any new file.
 * Errors from the file system name the user's path, never the temporary one.
 *
 * <p>{@link #write} and {@link #writeFolder} take the whole body; {@link #begin} is for writers that stream into
 * the temporary over many calls and commit at the end.
 */
public final class AtomicFile implements AutoCloseable {

    @FunctionalInterface
    public interface Body {
        void writeTo(Path temp) throws IOException;
    }

    private final Path named;
    private final Path target;
    private final Path temp;
    private final boolean folder;
    private boolean settled;

    private AtomicFile(Path named, Path target, Path temp, boolean folder) {
        this.named = named;
        this.target = target;
        this.temp = temp;
        this.folder = folder;
    }

    /** @throws BadInputException naming {@code target} (never the temporary file) when it cannot be written */
    public static Path write(Path target, Body body) throws IOException {
        return complete(begin(target), body);
    }

    /**
     * Writes a folder: {@code body} fills a temporary folder, which then replaces {@code target}. An existing folder
     * at {@code target} is moved aside first (a non-empty folder cannot be renamed over) and restored on failure.
     */
    public static Path writeFolder(Path target, Body body) throws IOException {
        return complete(open(target, true), body);
    }

    /** A temporary file beside {@code target}, to stream into; {@link #commit()} it, or close to discard it. */
    public static AtomicFile begin(Path target) throws IOException {
        return open(target, false);
    }

    /** The temporary file (or folder) to write into. */
    public Path temp() {
        return temp;
    }

    /** Renames the temporary into place. */
    public Path commit() throws IOException {
        if (settled) {
            throw new IllegalStateException(named + " is already committed or discarded");
        }
        try {
            Path done = folder ? replaceFolder() : Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            settled = true;
            TemporaryFiles.release(temp);
            return done;
        } catch (FileSystemException e) {
            close();
            throw cannotWrite(named, e);
        }
    }

    /** Discards the temporary unless {@link #commit()} succeeded; idempotent. */
    @Override
    public void close() throws IOException {
        if (settled) {
            return;
        }
        settled = true;
        try {
            deleteRecursively(temp);
        } finally {
            TemporaryFiles.release(temp);
        }
    }

    private static AtomicFile open(Path target, boolean folder) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            return new AtomicFile(target, absolute, folder ? TemporaryFiles.folderBeside(absolute, ".tmp-")
                    : TemporaryFiles.fileBeside(absolute), folder);
        } catch (FileSystemException e) {
            throw cannotWrite(target, e);
        }
    }

    private static Path complete(AtomicFile file, Body body) throws IOException {
        try (file) {
            body.writeTo(file.temp);
            return file.commit();
        } catch (FileSystemException e) {
            throw cannotWrite(file.named, e);
        }
    }

    private Path replaceFolder() throws IOException {
        if (!Files.exists(target)) {
            return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Path aside = TemporaryFiles.folderBeside(target, ".old-");
        // it is about to hold the old folder: never deleted behind the user's back, even on an interrupt
        TemporaryFiles.release(aside);
        Path old = aside.resolve(target.getFileName());
        try {
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(aside, e);
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(aside);
            } catch (IOException | RuntimeException restore) {
                // Leave the old folder where it is rather than lose it; the suppressed exception says where.
                e.addSuppressed(restore);
            }
            throw e;
        }
        deleteRecursively(aside);
        return target;
    }

    private static void deleteAfterFailure(Path path, Exception failure) {
        try {
            deleteRecursively(path);
        } catch (IOException | RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
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
