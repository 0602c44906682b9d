package dev.logitparity.export;

import dev.logitparity.BadInputException;
import dev.logitparity.compare.SyntheticTraces;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.NpyLogits;
import dev.logitparity.trace.Trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.logitparity.compare.SyntheticTraces.freeRun;
import static dev.logitparity.compare.SyntheticTraces.rows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NpyExportTest {
    @TempDir
    Path dir;

    @Test
    void bothSidesRoundTripThroughNpyLogitsBitForBit() throws IOException {
        float[][] a = rows(3, 20, 51);
        float[][] b = rows(5, 20, 52);
        a[1][2] = Float.NaN;
        b[0][3] = Float.NEGATIVE_INFINITY;
        Path out = dir.resolve("export");

        List<Path> written = NpyExport.write(freeRun("a", a), freeRun("b", b), out);

        assertEquals(List.of(out.resolve("a.npy").toAbsolutePath(), out.resolve("b.npy").toAbsolutePath()), written);
        assertSameBits(a, out.resolve("a.npy"));
        assertSameBits(b, out.resolve("b.npy"));
    }

    @Test
    void aSideWithoutLogitsGetsNoFile() throws IOException {
        Trace tokens = SyntheticTraces.tokensOnly("apr", new int[]{1, 2});
        List<Path> written = NpyExport.write(freeRun("a", rows(2, 10, 53)), tokens, dir);
        assertEquals(List.of(dir.resolve("a.npy").toAbsolutePath()), written);
        assertFalse(Files.exists(dir.resolve("b.npy")));
        assertThrows(BadInputException.class, () -> NpyExport.write(tokens, tokens, dir.resolve("none")));
    }

    @Test
    void aFailureOnTheSecondFileRemovesTheFirstAndTheFolderItCreated() throws IOException {
        Path out = dir.resolve("created");
        Trace a = freeRun("a", rows(2, 10, 54));
        Trace failing = Trace.of(SyntheticTraces.info("b", dev.logitparity.trace.CaptureMode.FREE_RUN),
                SyntheticTraces.PROMPT, new int[]{0, 1}, new Logits() {
                    @Override
                    public int steps() {
                        return 2;
                    }

                    @Override
                    public int vocab() {
                        return 10;
                    }

                    @Override
                    public void copyRow(int step, float[] dst) {
                        throw new IllegalStateException("mapping gone at step " + step);
                    }

                    @Override
                    public float get(int step, int token) {
                        throw new IllegalStateException("mapping gone");
                    }
                });

        assertThrows(IllegalStateException.class, () -> NpyExport.write(a, failing, out));
        assertFalse(Files.exists(out));

        Files.writeString(dir.resolve("file"), "not a folder");
        assertThrows(IOException.class, () -> NpyExport.write(a, a, dir.resolve("file")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("file")), files.toList());
        }
    }

    private static void assertSameBits(float[][] expected, Path file) throws IOException {
        try (NpyLogits logits = NpyLogits.open(file)) {
            assertEquals(expected.length, logits.steps());
            float[] row = new float[logits.vocab()];
            for (int step = 0; step < expected.length; step++) {
                logits.copyRow(step, row);
                assertArrayEquals(bits(expected[step]), bits(row), "step " + step);
            }
        }
    }

    private static int[] bits(float[] row) {
        int[] bits = new int[row.length];
        for (int i = 0; i < row.length; i++) {
            bits[i] = Float.floatToRawIntBits(row[i]);
        }
        return bits;
    }
}
