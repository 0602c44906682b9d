package dev.logitparity.trace;

import dev.logitparity.files.TemporaryFiles;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a trace in the native format: a folder holding {@code trace.json} and, when the trace has logits,
 * {@code logits.npy} (float32 {@code [steps, vocab]}, which {@code numpy.load} opens directly).
 *
 * <p>The folder is built under a temporary name beside the target and renamed into place, so a failure leaves
 * nothing behind and a reader finds the old trace, the new one or (for an instant while replacing) none, never a
 * half-written one. An existing trace folder is replaced; a regular file, or a folder holding anything other than
 * trace files, is refused rather than deleted.
 */
public final class TraceWriter {
    private static final Set<String> TRACE_FILES = Set.of(TraceManifest.FILE_NAME, TraceManifest.LOGITS_FILE_NAME);

    private TraceWriter() {
    }

    public static void write(Trace trace, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        checkReplaceable(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = TemporaryFiles.folderBeside(target, ".tmp-");
        try {
            if (trace.logits().isPresent()) {
                NpyWriter.write(trace.logits().get(), temp.resolve(TraceManifest.LOGITS_FILE_NAME));
            }
            TraceManifest.of(trace).write(temp.resolve(TraceManifest.FILE_NAME));
            moveIntoPlace(temp, target);
        } catch (IOException | RuntimeException e) {
            deleteAfterFailure(temp, e);
            throw e;
        } finally {
            TemporaryFiles.release(temp);
        }
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a trace folder");
        }
        try (Stream<Path> entries = Files.list(target)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !TRACE_FILES.contains(name)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "holds " + foreign + ", not part of a trace; refusing to replace it");
            }
        }
    }

    // A non-empty folder cannot be renamed over, so the old trace is moved aside first and restored on failure.
    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path aside = TemporaryFiles.folderBeside(target, ".old-");
        // it is about to hold the old trace: never deleted behind the user's back, even on an interrupt
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
                // Leave the old trace where it is rather than lose it; the suppressed exception says where.
                e.addSuppressed(restore);
            }
            throw e;
        }
        deleteRecursively(aside);
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
}
