package dev.logitparity.gguf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GgufRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void metadataOfEveryTypeReadsBackEqualAndInOrder() throws IOException {
        try (GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")))) {
            assertEquals(3, f.version());
            assertEquals(List.copyOf(SampleFiles.metadata().sequencedEntrySet()), List.copyOf(f.metadata().sequencedEntrySet()));
            assertEquals(-1L, f.require("test.uint64").asLong());
            assertEquals(0xFFFF_FFFFL, f.require("test.uint32").asLong());
            assertEquals(1e-6f, (float) f.require("test.float32").asDouble());
        }
    }

    @Test
    void tensorInfosKeepNamesShapesTypesAndAlignedOffsets() throws IOException {
        try (GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")))) {
            List<String> names = f.tensors().stream().map(GgufTensorInfo::name).toList();
            assertEquals(List.of("w.f32", "w.f16", "w.q8_0", "bias", "w.q4_k"), names);
            GgufTensorInfo q8 = f.tensor("w.q8_0");
            assertEquals(GgmlType.Q8_0, q8.type());
            assertEquals(List.of(64L, 3L), q8.dims());
            assertEquals(3 * 2 * 34, q8.byteSize());
            assertEquals(List.of(5L), f.tensor("bias").dims());
            assertEquals(0, f.dataSectionOffset() % 32);
            for (GgufTensorInfo t : f.tensors()) {
                assertEquals(0, (t.dataOffset() - f.dataSectionOffset()) % 32, t.name());
            }
        }
    }

    @Test
    void f32TensorsReadBackExactly() throws IOException {
        try (GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")))) {
            assertArrayEquals(SampleFiles.values(), f.dequantize("w.f32"));
            assertArrayEquals(new float[] {1, 2, 3, 4, 5}, f.dequantize("bias"));
        }
    }

    @Test
    void f16TensorsReadBackAsTheNearestHalf() throws IOException {
        float[] expected = SampleFiles.values();
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Float.float16ToFloat(Float.floatToFloat16(expected[i]));
        }
        try (GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")))) {
            assertArrayEquals(expected, f.dequantize("w.f16"));
        }
    }

    @Test
    void q8_0TensorsReadBackWithinHalfAStep() throws IOException {
        float[] x = SampleFiles.values();
        try (GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")))) {
            float[] y = f.dequantize("w.q8_0");
            for (int b = 0; b < x.length / 32; b++) {
                float amax = 0;
                for (int j = 0; j < 32; j++) {
                    amax = Math.max(amax, Math.abs(x[b * 32 + j]));
                }
                // the fp16 scale is within 2^-11 relative of amax/127, so each value is within half a step plus that
                float tolerance = amax / 127 * 0.5f + amax * 0x1p-10f;
                for (int j = 0; j < 32; j++) {
                    int i = b * 32 + j;
                    assertEquals(x[i], y[i], tolerance, "element " + i);
                }
            }
        }
    }

    @Test
    void rowDecodingMatchesWholeTensorDecoding() throws IOException {
        try (GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")))) {
            for (String name : List.of("w.f32", "w.f16", "w.q8_0")) {
                GgufTensorInfo t = f.tensor(name);
                float[] all = f.dequantize(name);
                float[] row = new float[SampleFiles.ROW_LENGTH];
                f.dequantizeRow(t, 2, row);
                assertArrayEquals(java.util.Arrays.copyOfRange(all, 2 * 64, 3 * 64), row, name);
            }
            assertThrows(IndexOutOfBoundsException.class, () -> f.dequantizeRow(f.tensor("w.f32"), 3, new float[64]));
        }
    }

    @Test
    void rawTensorBytesAreKeptAndDecodingAnUnsupportedTypeNamesTensorAndType() throws IOException {
        Path file = SampleFiles.write(dir.resolve("s.gguf"));
        try (GgufFile f = GgufFile.open(file)) {
            assertEquals(144, f.tensorData("w.q4_k").byteSize());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> f.dequantize("w.q4_k"));
            assertTrue(e.getMessage().contains("'w.q4_k'") && e.getMessage().contains("Q4_K") && e.getMessage().contains(file.toString()),
                    e.getMessage());
        }
    }

    @Test
    void customAlignmentIsHonouredByWriterAndReader() throws IOException {
        Path file = dir.resolve("a.gguf");
        SampleFiles.writer().put("general.alignment", GgufValue.uint32(256)).write(file);
        try (GgufFile f = GgufFile.open(file)) {
            assertEquals(256, f.alignment());
            assertEquals(0, f.dataSectionOffset() % 256);
            for (GgufTensorInfo t : f.tensors()) {
                assertEquals(0, t.dataOffset() % 256, t.name());
            }
            assertArrayEquals(SampleFiles.values(), f.dequantize("w.f32"));
        }
    }

    @Test
    void writingTwiceGivesIdenticalBytes() throws IOException {
        Path a = SampleFiles.write(dir.resolve("a.gguf"));
        Path b = SampleFiles.write(dir.resolve("b.gguf"));
        assertEquals(-1L, Files.mismatch(a, b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ggml-vocab-gpt-2.gguf", "ggml-vocab-llama-spm.gguf", "ggml-vocab-qwen2.gguf", "ggml-vocab-llama-bpe.gguf"})
    void realVocabFilesRewriteByteIdentical(String vocab) throws IOException {
        Path original = TestFiles.vocabDir().resolve(vocab);
        Path copy = dir.resolve(vocab);
        try (GgufFile f = GgufFile.open(original)) {
            new GgufWriter().putAll(f.metadata()).write(copy);
        }
        assertEquals(-1L, Files.mismatch(original, copy), "first differing byte");
    }

    @Test
    void gpt2VocabHasItsFullTokenList() {
        try (GgufFile f = GgufFile.open(TestFiles.vocabDir().resolve("ggml-vocab-gpt-2.gguf"))) {
            List<String> tokens = f.require("tokenizer.ggml.tokens").asStrings();
            assertEquals(50257, tokens.size());
            assertEquals("!", tokens.getFirst());
            assertEquals("<|endoftext|>", tokens.get(50256));
            assertEquals("gpt2", f.require("general.architecture").asString());
            assertEquals(50000, f.require("tokenizer.ggml.merges").length());
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseThrowsIllegalState() throws IOException {
        GgufFile f = GgufFile.open(SampleFiles.write(dir.resolve("s.gguf")));
        MemorySegment data = f.tensorData("w.f32");
        assertEquals(SampleFiles.value(0, 0), data.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0));
        f.close();
        f.close();
        assertThrows(IllegalStateException.class, f::metadata);
        assertThrows(IllegalStateException.class, f::tensors);
        assertThrows(IllegalStateException.class, () -> f.dequantize("w.f32"));
        assertThrows(IllegalStateException.class, () -> data.get(ValueLayout.JAVA_FLOAT_UNALIGNED, 0));
    }

    @Test
    void failedWriteLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.gguf");
        Files.writeString(target, "previous");
        GgufWriter failing = new GgufWriter().addTensor("t", GgmlType.F32, List.of(32L, 4L), (row, dst) -> {
            if (row == 2) {
                throw new IllegalStateException("generator failed");
            }
        });
        assertThrows(IllegalStateException.class, () -> failing.write(target));
        assertEquals("previous", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writerRejectsInconsistentTensors() {
        GgufWriter w = new GgufWriter().addTensor("t", GgmlType.F32, List.of(4L), new float[4]);
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("t", GgmlType.F32, List.of(4L), new float[4]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("q", GgmlType.Q8_0, List.of(48L), new float[48]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("n", GgmlType.F32, List.of(4L, 2L), new float[4]));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("k", GgmlType.Q4_K, List.of(256L), new float[256]));
        assertThrows(IllegalArgumentException.class, () -> w.addRawTensor("r", GgmlType.Q8_0, List.of(32L), new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> w.put("", GgufValue.bool(true)));
        assertThrows(IllegalArgumentException.class, () -> w.addTensor("x".repeat(64), GgmlType.F32, List.of(1L), new float[1]));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint8(256));
        assertThrows(IllegalArgumentException.class, () -> GgufValue.uint32(-1));
        assertThrows(IllegalArgumentException.class, () -> new GgufValue.Real(GgufValueType.FLOAT32, 0.1));
    }
}
