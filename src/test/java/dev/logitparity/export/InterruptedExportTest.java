package dev.logitparity.export;

import dev.logitparity.BadInputException;
import dev.logitparity.files.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export cut short leaves nothing behind, and what it writes is readable as any file the user makes. */
class InterruptedExportTest {

    @TempDir
    Path dir;

    /** Run in a child JVM: starts an export and stops halfway, forever, so that the test can SIGTERM it. */
    public static void main(String[] args) throws IOException {
        AtomicFile.write(Path.of(args[0]), temp -> {
            Files.writeString(temp, "half of it");
            System.out.println("writing " + temp);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void sigtermDuringAnExportDeletesItsTemporaryFile() throws Exception {
        Path target = dir.resolve("steps.csv");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InterruptedExportTest.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(line != null && line.startsWith("writing "), String.valueOf(line));
        Path temp = Path.of(line.substring("writing ".length()));
        assertTrue(Files.exists(temp), "the export was under way: " + temp);
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void outputFilesGetTheUmaskNotOwnerOnly() throws IOException {
        Path target = AtomicFile.write(dir.resolve("out.csv"), temp -> Files.writeString(temp, "x"));
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // what the umask gives any new file
        assertEquals(Files.getPosixFilePermissions(plain), permissions);
    }

    @Test
    void aFailedRenameNamesTheUsersPathNotTheTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("steps.csv")); // a folder where the file should go
        Files.writeString(target.resolve("keep"), "x");
        BadInputException e = assertThrows(BadInputException.class,
                () -> AtomicFile.write(target, temp -> Files.writeString(temp, "x")));
        assertTrue(e.getMessage().startsWith(target + ": cannot write it: "), e.getMessage());
        assertTrue(!e.getMessage().contains(".tmp"), e.getMessage());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList());
        }
    }
}
