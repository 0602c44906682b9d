package dev.logitparity.export;

import dev.logitparity.BadInputException;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.NpyWriter;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports both sides' logits as {@code a.npy} and {@code b.npy} (float32 {@code [steps, vocab]}, every step of each
 * trace) in a folder, for numpy: {@code numpy.load("out/a.npy")}. Each file is streamed row by row to a temporary
 * file and renamed into place ({@link NpyWriter}); if the second fails, the first is removed again, and a folder this
 * export created is removed too, so a failure leaves nothing behind. A side without logits gets no file.
 */
public final class NpyExport {
    public static final String FILE_A = "a.npy";
    public static final String FILE_B = "b.npy";

    private NpyExport() {
    }

    /** Writes the files into {@code folder}, creating it if needed, and returns the paths written. */
    public static List<Path> write(Trace a, Trace b, Path folder) throws IOException {
        if (a.logits().isEmpty() && b.logits().isEmpty()) {
            throw new BadInputException("neither trace has logits to export (A " + a.info().source() + ", B "
                    + b.info().source() + ")");
        }
        Path dir = folder.toAbsolutePath();
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        try {
            write(a.logits().orElse(null), dir.resolve(FILE_A), written);
            write(b.logits().orElse(null), dir.resolve(FILE_B), written);
            return List.copyOf(written);
        } catch (IOException | RuntimeException e) {
            try {
                for (Path path : written) {
                    Files.deleteIfExists(path);
                }
                if (created) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void write(Logits logits, Path target, List<Path> written) throws IOException {
        if (logits != null) {
            NpyWriter.write(logits, target);
            written.add(target);
        }
    }
}
