package dev.logitparity.export;

import java.io.IOException;
import java.nio.file.Files;
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

    public static Path write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp");
        try {
            body.writeTo(temp);
            return Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
