package dev.logitparity.trace;

import dev.logitparity.BadInputException;

import static dev.logitparity.trace.TraceFixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFolderTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenTraceReadsBackWithEqualInfoTokensAndBitIdenticalLogits() throws IOException {
        Path folder = dir.resolve("run");
        TraceWriter.write(TraceFixtures.trace(6, 11), folder);

        assertEquals(List.of("logits.npy", "trace.json"), entries(folder));
        try (Trace read = TraceReader.read(folder)) {
            assertEquals(TraceFixtures.info(), read.info());
            assertEquals(List.copyOf(TraceFixtures.info().settings().keySet()),
                    List.copyOf(read.info().settings().keySet()), "settings keep their order");
            assertArrayEquals(new int[]{1, 10, 0}, read.promptTokens());
            assertArrayEquals(TraceFixtures.ids(6, 11), read.tokens());
            assertTrue(read.logits().orElseThrow() instanceof NpyLogits, "logits stay mapped, not loaded");
            assertSameBits(TraceFixtures.values(6, 11), read.logits().orElseThrow());
        }
    }

    @Test
    void aTokensOnlyTraceIsWrittenWithoutALogitsFile() throws IOException {
        RunInfo info = new RunInfo("apr", null, null, null, CaptureMode.FREE_RUN, "Hi", null, null);
        TraceWriter.write(Trace.tokensOnly(info, new int[]{5, 6}, new int[]{7, 8, 9}), dir.resolve("t"));

        assertEquals(List.of("trace.json"), entries(dir.resolve("t")));
        try (Trace read = TraceReader.read(dir.resolve("t"))) {
            assertEquals(info, read.info());
            assertArrayEquals(new int[]{7, 8, 9}, read.tokens());
            assertTrue(read.logits().isEmpty());
        }
    }

    @Test
    void closingATraceReadFromDiskClosesItsMappedLogits() throws IOException {
        TraceWriter.write(TraceFixtures.trace(2, 3), dir.resolve("run"));
        Trace read = TraceReader.read(dir.resolve("run"));
        Logits logits = read.logits().orElseThrow();
        read.close();
        read.close();
        assertThrows(IllegalStateException.class, () -> logits.get(0, 0));
    }

    @Test
    void anExistingTraceFolderIsReplaced() throws IOException {
        Path folder = dir.resolve("run");
        TraceWriter.write(TraceFixtures.trace(2, 3), folder);
        TraceWriter.write(Trace.tokensOnly(TraceFixtures.info(), new int[0], new int[]{4}), folder);

        assertEquals(List.of("trace.json"), entries(folder), "the old logits went with the old trace");
        try (Trace read = TraceReader.read(folder)) {
            assertArrayEquals(new int[]{4}, read.tokens());
        }
        assertEquals(List.of("run"), entries(dir), "no temporary or set-aside folder left");
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedAndLeftAlone() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(folder.resolve("cat.jpg"), "meow");

        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> TraceWriter.write(TraceFixtures.trace(1, 2), folder));
        assertTrue(e.getMessage().contains("cat.jpg"), e.getMessage());
        assertEquals(List.of("cat.jpg"), entries(folder));
        assertEquals(List.of("photos"), entries(dir));
    }

    @Test
    void aRegularFileAtThePathIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("run"), "not a folder");
        assertThrows(FileAlreadyExistsException.class, () -> TraceWriter.write(TraceFixtures.trace(1, 2), file));
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void aParentThatCannotBeCreatedFailsWithoutLeavingATemporaryFolder() throws IOException {
        Files.writeString(dir.resolve("blocker"), "a file where a folder should be");
        Path target = dir.resolve("blocker/sub/run");
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceWriter.write(TraceFixtures.trace(1, 2), target));
        assertTrue(e.getMessage().startsWith(target + ": cannot write it"), e.getMessage());
        assertEquals(List.of("blocker"), entries(dir));
    }

    @Test
    void aFailureWhileWritingLeavesThePreviousTraceAndNoTemporaryFolder() throws IOException {
        Path folder = dir.resolve("run");
        TraceWriter.write(TraceFixtures.trace(2, 3), folder);
        Logits failing = new Logits() {
            public int steps() {
                return 2;
            }

            public int vocab() {
                return 3;
            }

            public void copyRow(int step, float[] dst) {
                if (step == 1) {
                    throw new IllegalStateException("runtime died mid-capture");
                }
            }

            public float get(int step, int token) {
                return 0;
            }
        };
        Trace broken = Trace.of(TraceFixtures.info(), new int[0], new int[]{0, 1}, failing);

        assertThrows(IllegalStateException.class, () -> TraceWriter.write(broken, folder));
        assertEquals(List.of("run"), entries(dir));
        try (Trace read = TraceReader.read(folder)) {
            assertSameBits(TraceFixtures.values(2, 3), read.logits().orElseThrow());
        }
    }

    @Test
    void aRelativePathIsWrittenAndReadLikeAnAbsoluteOne() throws IOException {
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("rel"));
        TraceWriter.write(TraceFixtures.trace(1, 2), relative);
        try (Trace read = TraceReader.read(relative)) {
            assertEquals(1, read.steps());
        }
        assertEquals(List.of("rel"), entries(dir));
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
