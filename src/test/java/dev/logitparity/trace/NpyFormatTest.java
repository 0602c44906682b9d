package dev.logitparity.trace;

import static dev.logitparity.trace.TraceFixtures.assertOneLineNaming;
import static dev.logitparity.trace.TraceFixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyFormatTest {
    @TempDir
    Path dir;

    @Test
    void headerIsByteForByteWhatNumpySaveWritesForA3x5Float32Array() {
        byte[] header = NpyHeader.encode(3, 5);

        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5), }";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        expected.writeBytes((dict + " ".repeat(127 - 10 - dict.length()) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected.toByteArray(), header);
        assertEquals(0, header.length % 64);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 256, 99_999, Integer.MAX_VALUE})
    void headerLengthIsAlignedAndIndependentOfStepsSoItCanBePatchedInPlace(int steps) {
        byte[] header = NpyHeader.encode(steps, 151_936);
        assertEquals(NpyHeader.encode(0, 151_936).length, header.length);
        assertEquals(0, header.length % 64);
        assertEquals('\n', header[header.length - 1]);
        assertEquals(header.length - 10, ByteBuffer.wrap(header, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
    }

    @Test
    void streamedRowsReadBackBitForBitWithTheStepCountPatchedIn() throws IOException {
        float[] values = TraceFixtures.values(4, 7);
        Path file = dir.resolve("logits.npy");
        try (NpyWriter writer = NpyWriter.create(file, 7)) {
            for (int step = 0; step < 4; step++) {
                writer.appendRow(Arrays.copyOfRange(values, step * 7, step * 7 + 7));
            }
            assertEquals(file, writer.finish());
        }
        assertEquals(NpyHeader.encode(4, 7).length + values.length * 4L, Files.size(file));
        try (NpyLogits logits = NpyLogits.open(file)) {
            assertEquals(4, logits.steps());
            assertEquals(7, logits.vocab());
            assertSameBits(values, logits);
        }
        assertEquals(1, countEntries(), "no temporary file left beside the result");
    }

    @Test
    void nativeSegmentRowsAreCopiedAsNativeFloatsAndStoredLittleEndian() throws IOException {
        Path file = dir.resolve("native.npy");
        try (Arena arena = Arena.ofConfined(); NpyWriter writer = NpyWriter.create(file, 3)) {
            // Larger than a row: only the first vocab floats belong to it.
            MemorySegment row = arena.allocateFrom(ValueLayout.JAVA_FLOAT, 1.5f, -2f, 3.25f, 99f);
            writer.appendRow(row);
            writer.finish();
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer data = ByteBuffer.wrap(bytes, NpyHeader.encode(1, 3).length, 12).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5f, data.getFloat());
        assertEquals(-2f, data.getFloat());
        assertEquals(3.25f, data.getFloat());
        assertEquals(bytes.length, data.position());
    }

    @Test
    void closingAWriterWithoutFinishLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("partial.npy");
        try (NpyWriter writer = NpyWriter.create(file, 4)) {
            writer.appendRow(new float[4]);
        }
        assertEquals(0, countEntries());
    }

    @Test
    void writerRejectsRowsOfTheWrongLengthAndUseAfterFinish() throws IOException {
        try (NpyWriter writer = NpyWriter.create(dir.resolve("x.npy"), 4)) {
            assertThrows(IllegalArgumentException.class, () -> writer.appendRow(new float[3]));
            assertThrows(IllegalArgumentException.class, () -> writer.appendRow(MemorySegment.ofArray(new float[3])));
            writer.finish();
            assertThrows(IllegalStateException.class, () -> writer.appendRow(new float[4]));
            assertThrows(IllegalStateException.class, writer::finish);
        }
    }

    @Test
    void readsAVersion2HeaderAndAOneDimensionalArrayAsOneStep() throws IOException {
        Path file = npy("v2.npy", 2, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", floats(1f, 2f, 3f));
        try (NpyLogits logits = NpyLogits.open(file)) {
            assertEquals(1, logits.steps());
            assertEquals(3, logits.vocab());
            assertSameBits(new float[]{1f, 2f, 3f}, logits);
        }
    }

    @Test
    void rejectsAFileThatIsNotNpy() throws IOException {
        Path file = dir.resolve("bad.npy");
        Files.writeString(file, "PK\u0003\u0004 this is a zip");
        assertRejected(file, "not an NPY file (bad magic)");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.npy"));
        assertRejected(file, "bad magic");
    }

    @Test
    void rejectsAnUnknownVersion() throws IOException {
        assertRejected(npy("v9.npy", 9, "{}", new byte[0]), "unsupported NPY version 9.0");
    }

    @Test
    void rejectsBigEndianFloat64() throws IOException {
        Path file = npy("f8.npy", 1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1, 2), }", new byte[16]);
        assertRejected(file, "unsupported dtype '>f8' (want '<f4')");
    }

    @Test
    void rejectsFortranOrderForAMatrix() throws IOException {
        Path file = npy("f.npy", 1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]);
        assertRejected(file, "fortran_order True not supported");
    }

    @Test
    void rejectsThreeDimensions() throws IOException {
        Path file = npy("3d.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2), }", new byte[16]);
        assertRejected(file, "unsupported shape");
    }

    @Test
    void rejectsDataShorterThanTheShapeSays() throws IOException {
        Path file = npy("short.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 5), }", new byte[40]);
        assertRejected(file, "truncated: shape (3, 5) needs 60 data bytes after the 128-byte header, file has 40");
    }

    @Test
    void rejectsAHeaderCutShort() throws IOException {
        byte[] whole = Files.readAllBytes(npy("whole.npy", 1, "{'descr': '<f4', 'fortran_order': False, "
                + "'shape': (1, 1), }", new byte[4]));
        Path file = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(whole, 40));
        assertRejected(file, "truncated header");
    }

    @Test
    void rejectsBytesBeyondTheShape() throws IOException {
        Path file = npy("long.npy", 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", new byte[12]);
        assertRejected(file, "4 unexpected bytes");
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseThrowsIllegalState() throws IOException {
        Path file = dir.resolve("c.npy");
        NpyWriter.write(InMemoryLogits.wrap(2, new float[]{1, 2, 3, 4}), file);
        NpyLogits logits = NpyLogits.open(file);
        logits.close();
        logits.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> logits.copyRow(0, new float[2]));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(IllegalStateException.class, () -> logits.get(0, 0));
    }

    private void assertRejected(Path file, String problem) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> NpyLogits.open(file).close());
        assertOneLineNaming(file, e, problem);
    }

    /** An NPY file laid out as the spec says, with any header dict and data. */
    private Path npy(String name, int major, String dict, byte[] data) throws IOException {
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 6 + 2 + lengthBytes + dict.length() + 1;
        String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer file = ByteBuffer.allocate(6 + 2 + lengthBytes + text.length() + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            file.putShort((short) text.length());
        } else {
            file.putInt(text.length());
        }
        file.put(text.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return Files.write(dir.resolve(name), file.array());
    }

    private static byte[] floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return bytes.array();
    }

    private long countEntries() throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.count();
        }
    }
}
