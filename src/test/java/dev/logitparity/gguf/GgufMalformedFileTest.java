package dev.logitparity.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GgufMalformedFileTest {

    @TempDir
    Path dir;

    /** Opens {@code file} expecting failure; checks the message is one line naming the file, returns the problem. */
    private static String problemOpening(Path file) {
        GgufFormatException e = assertThrows(GgufFormatException.class, () -> GgufFile.open(file).close());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertEquals(file, e.file());
        return e.problem();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Little-endian GGUF pieces, to build damaged files byte by byte. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u32(long v) {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
            return this;
        }

        Bytes u64(long v) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            return this;
        }

        Bytes str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            u64(b.length);
            out.writeBytes(b);
            return this;
        }

        Bytes header(long tensors, long kvs) {
            return u32(GgufFile.MAGIC).u32(3).u64(tensors).u64(kvs);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    @Test
    void missingFile() {
        assertEquals("no such file", problemOpening(dir.resolve("absent.gguf")));
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(problemOpening(file("empty.gguf", new byte[0])).startsWith("empty file"));
    }

    @Test
    void directoryIsNotAFile() throws IOException {
        assertEquals("is a directory, not a GGUF file", problemOpening(Files.createDirectory(dir.resolve("d.gguf"))));
    }

    @Test
    void badMagic() throws IOException {
        byte[] ggml = "GGML and then some more bytes".getBytes(StandardCharsets.US_ASCII);
        String problem = problemOpening(file("old.bin", ggml));
        assertTrue(problem.startsWith("not a GGUF file: starts with 'GGML'"), problem);
    }

    @Test
    void unsupportedVersions() throws IOException {
        assertEquals("unsupported GGUF version 1 (supported: 2, 3)",
                problemOpening(file("v1.gguf", new Bytes().u32(GgufFile.MAGIC).u32(1).u64(0).u64(0).bytes())));
        assertEquals("unsupported GGUF version 4 (supported: 2, 3)",
                problemOpening(file("v4.gguf", new Bytes().u32(GgufFile.MAGIC).u32(4).u64(0).u64(0).bytes())));
        assertEquals("big-endian GGUF is not supported",
                problemOpening(file("be.gguf", new Bytes().u32(GgufFile.MAGIC).u32(0x03000000).u64(0).u64(0).bytes())));
    }

    @Test
    void everyTruncationBeforeTheLastTensorsDataFails() throws IOException {
        byte[] whole = Files.readAllBytes(SampleFiles.write(dir.resolve("whole.gguf")));
        long lastDataEnd;
        try (GgufFile f = GgufFile.open(dir.resolve("whole.gguf"))) {
            lastDataEnd = f.tensors().stream().mapToLong(t -> t.dataOffset() + t.byteSize()).max().orElseThrow();
        }
        Path cut = dir.resolve("cut.gguf");
        for (int length = 1; length < lastDataEnd; length++) {
            Files.write(cut, Arrays.copyOf(whole, length));
            String problem = problemOpening(cut);
            assertTrue(problem.startsWith("truncated: "), "length " + length + ": " + problem);
        }
        // trailing padding after the last tensor is optional, as for llama.cpp's loader
        Files.write(cut, Arrays.copyOf(whole, (int) lastDataEnd));
        try (GgufFile f = GgufFile.open(cut)) {
            assertEquals(5, f.tensors().size());
        }
    }

    @Test
    void truncationMessagesSayWhatWasBeingRead() throws IOException {
        byte[] whole = Files.readAllBytes(SampleFiles.write(dir.resolve("whole.gguf")));
        long q4Start;
        try (GgufFile f = GgufFile.open(dir.resolve("whole.gguf"))) {
            q4Start = f.tensor("w.q4_k").dataOffset();
        }
        assertEquals("truncated: the magic needs 4 bytes at offset 0 but file is 2 bytes",
                problemOpening(file("a.gguf", Arrays.copyOf(whole, 2))));
        assertEquals("truncated: the tensor count needs 8 bytes at offset 8 but file is 12 bytes",
                problemOpening(file("b.gguf", Arrays.copyOf(whole, 12))));
        assertTrue(problemOpening(file("c.gguf", Arrays.copyOf(whole, 40))).startsWith("truncated: metadata key #0 needs"));
        long end = q4Start + 144;
        assertEquals("truncated: tensor 'w.q4_k' data ends at " + end + " but file is " + (end - 10) + " bytes",
                problemOpening(file("d.gguf", Arrays.copyOf(whole, (int) end - 10))));
    }

    @Test
    void absurdLengthsFailAsTruncationWithoutAllocating() throws IOException {
        byte[] hugeArray = new Bytes().header(0, 1).str("k").u32(GgufValueType.ARRAY.id())
                .u32(GgufValueType.STRING.id()).u64(1L << 40).bytes();
        assertTrue(problemOpening(file("arr.gguf", hugeArray)).startsWith("truncated: metadata 'k' claims 1099511627776 STRING elements"));
        // 2^61 eight-byte elements is 2^64 bytes: a size check that multiplies would wrap to 0 and pass
        byte[] wrappingArray = new Bytes().header(0, 1).str("k").u32(GgufValueType.ARRAY.id())
                .u32(GgufValueType.UINT64.id()).u64(1L << 61).bytes();
        assertTrue(problemOpening(file("wrap.gguf", wrappingArray)).startsWith("truncated: metadata 'k' claims 2305843009213693952 UINT64"));
        byte[] hugeString = new Bytes().header(0, 1).u64(1L << 62).bytes();
        assertTrue(problemOpening(file("str.gguf", hugeString)).startsWith("truncated: metadata key #0 needs 4611686018427387904 bytes"));
        byte[] hugeCount = new Bytes().header(-1, 0).bytes();
        assertEquals("tensor count 18446744073709551615 is out of range", problemOpening(file("cnt.gguf", hugeCount)));
    }

    @Test
    void inconsistentContentIsNamed() throws IOException {
        assertEquals("metadata 'k' has invalid value type id 99",
                problemOpening(file("t.gguf", new Bytes().header(0, 1).str("k").u32(99).bytes())));
        assertEquals("metadata 'k' is an array of arrays, which GGUF readers do not support",
                problemOpening(file("aa.gguf", new Bytes().header(0, 1).str("k").u32(9).u32(9).u64(0).bytes())));
        assertEquals("duplicate metadata key 'k'", problemOpening(file("dup.gguf",
                new Bytes().header(0, 2).str("k").u32(7).u8(1).str("k").u32(7).u8(1).bytes())));
        assertEquals("'general.alignment' must be UINT32 but is INT32", problemOpening(file("al.gguf",
                new Bytes().header(0, 1).str("general.alignment").u32(GgufValueType.INT32.id()).u32(32).bytes())));
        assertEquals("'general.alignment' is 48, not a power of 2", problemOpening(file("al48.gguf",
                new Bytes().header(0, 1).str("general.alignment").u32(GgufValueType.UINT32.id()).u32(48).bytes())));
        assertEquals("tensor 't' has unknown ggml type id 4", problemOpening(file("ty.gguf",
                new Bytes().header(1, 0).str("t").u32(1).u64(32).u32(4).u64(0).bytes())));
        assertEquals("tensor 't' has 5 dimensions (must be 1 to 4)", problemOpening(file("nd.gguf",
                new Bytes().header(1, 0).str("t").u32(5).bytes())));
        assertEquals("tensor 't' of type Q8_0 has rows of 48 elements, not a multiple of the block size 32",
                problemOpening(file("blk.gguf", new Bytes().header(1, 0).str("t").u32(1).u64(48).u32(8).u64(0).bytes())));
        assertEquals("tensor 't' data offset 16 is not a multiple of the alignment 32", problemOpening(file("off.gguf",
                new Bytes().header(1, 0).str("t").u32(1).u64(4).u32(0).u64(16).u64(0).u64(0).u64(0).u64(0).u64(0).bytes())));
    }

    @Test
    void missingKeysAndTensorsAreNamedToo() throws IOException {
        Path sample = SampleFiles.write(dir.resolve("s.gguf"));
        try (GgufFile f = GgufFile.open(sample)) {
            assertEquals(sample + ": missing metadata key 'llama.block_count'",
                    assertThrows(GgufFormatException.class, () -> f.require("llama.block_count")).getMessage());
            assertEquals(sample + ": no tensor 'output.weight'",
                    assertThrows(GgufFormatException.class, () -> f.tensor("output.weight")).getMessage());
        }
    }
}
