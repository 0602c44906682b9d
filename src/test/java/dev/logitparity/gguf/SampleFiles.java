package dev.logitparity.gguf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/** A small GGUF holding every metadata type and one tensor of each writable type, for round-trip and damage tests. */
final class SampleFiles {

    static final int ROWS = 3;
    static final int ROW_LENGTH = 64;

    private SampleFiles() {
    }

    static SequencedMap<String, GgufValue> metadata() {
        SequencedMap<String, GgufValue> kv = new LinkedHashMap<>();
        kv.put("general.architecture", GgufValue.string("llama"));
        kv.put("test.uint8", GgufValue.uint8(255));
        kv.put("test.int8", GgufValue.int8(-128));
        kv.put("test.uint16", GgufValue.uint16(65535));
        kv.put("test.int16", GgufValue.int16(-32768));
        kv.put("test.uint32", GgufValue.uint32(0xFFFF_FFFFL));
        kv.put("test.int32", GgufValue.int32(Integer.MIN_VALUE));
        kv.put("test.uint64", GgufValue.uint64(-1L));
        kv.put("test.int64", GgufValue.int64(Long.MIN_VALUE));
        kv.put("test.float32", GgufValue.float32(1e-6f));
        kv.put("test.float64", GgufValue.float64(Math.PI));
        kv.put("test.bool", GgufValue.bool(true));
        kv.put("test.string", GgufValue.string("héllo ✓ \n tab\t"));
        kv.put("test.empty_string", GgufValue.string(""));
        kv.put("test.strings", GgufValue.stringArray(List.of("a", "", "Ġthe", "<0x0A>")));
        kv.put("test.int32s", GgufValue.int32Array(1, -2, 3));
        kv.put("test.uint8s", new GgufValue.IntArray(GgufValueType.UINT8, new long[] {0, 128, 255}));
        kv.put("test.uint64s", new GgufValue.IntArray(GgufValueType.UINT64, new long[] {-1L, 0}));
        kv.put("test.float32s", GgufValue.float32Array(0.5f, -0f, Float.MAX_VALUE));
        kv.put("test.float64s", new GgufValue.RealArray(GgufValueType.FLOAT64, new double[] {1e300, -2}));
        kv.put("test.bools", new GgufValue.BoolArray(new boolean[] {true, false, true}));
        kv.put("test.empty_array", GgufValue.int32Array());
        return kv;
    }

    /** Deterministic, irregular values: different per row and element, with both signs. */
    static float value(long row, int i) {
        return (float) Math.sin(row * 131 + i * 0.37) * (1 + row);
    }

    static float[] values() {
        float[] v = new float[ROWS * ROW_LENGTH];
        for (int r = 0; r < ROWS; r++) {
            for (int i = 0; i < ROW_LENGTH; i++) {
                v[r * ROW_LENGTH + i] = value(r, i);
            }
        }
        return v;
    }

    static GgufWriter writer() {
        List<Long> matrix = List.of((long) ROW_LENGTH, (long) ROWS);
        GgufWriter.RowSource rows = (row, dst) -> {
            for (int i = 0; i < ROW_LENGTH; i++) {
                dst[i] = value(row, i);
            }
        };
        return new GgufWriter()
                .putAll(metadata())
                .addTensor("w.f32", GgmlType.F32, matrix, rows)
                .addTensor("w.f16", GgmlType.F16, matrix, rows)
                .addTensor("w.q8_0", GgmlType.Q8_0, matrix, values())
                .addTensor("bias", GgmlType.F32, List.of(5L), new float[] {1, 2, 3, 4, 5})
                .addRawTensor("w.q4_k", GgmlType.Q4_K, List.of(256L), new byte[GgmlType.Q4_K.bytesPerBlock()]);
    }

    static Path write(Path file) throws IOException {
        writer().write(file);
        return file;
    }
}
