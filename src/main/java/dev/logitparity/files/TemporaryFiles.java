package dev.logitparity.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary files and folders an output is written through before it is renamed into place. Each is registered
 * until it is renamed or deleted, so an interrupt (SIGINT, SIGTERM: the JVM runs its shutdown hooks) or a native
 * abort deletes what is left rather than leaving a hidden 90 MB {@code .steps.csv.*.tmp} behind. Process-wide by
 * nature, as shutdown hooks are.
 *
 * <p>They are created with the permissions an ordinary file gets (0666 / 0777 less the umask) rather than
 * {@code createTempFile}'s 0600, since they become the user's output files: a notebook or container running as
 * another user must be able to read them.
 */
public final class TemporaryFiles {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAll, "logit-parity temporary files"));
    }

    private TemporaryFiles() {
    }

    /** A new registered file {@code .<name>.<random>.tmp} beside {@code target}. */
    public static Path fileBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        return register(Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".tmp",
                permissions("rw-rw-rw-")));
    }

    /** A new registered folder {@code .<name><infix><random>} beside {@code target}. */
    public static Path folderBeside(Path target, String infix) throws IOException {
        Path absolute = target.toAbsolutePath();
        return register(Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + infix,
                permissions("rwxrwxrwx")));
    }

    /** The file or folder is no longer temporary (renamed into place) or is gone. */
    public static void release(Path path) {
        LIVE.remove(path);
    }

    /** Deletes every registered file and folder; what cannot be deleted is left, silently: the process is ending. */
    public static void deleteAll() {
        for (Path path : List.copyOf(LIVE)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | RuntimeException e) {
                // nothing to report to: this runs as the process ends
            }
            LIVE.remove(path);
        }
    }

    static Set<Path> live() {
        return Set.copyOf(LIVE);
    }

    private static Path register(Path path) {
        LIVE.add(path);
        return path;
    }

    private static FileAttribute<?>[] permissions(String rwx) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(rwx))}
                : new FileAttribute<?>[0];
    }
}
