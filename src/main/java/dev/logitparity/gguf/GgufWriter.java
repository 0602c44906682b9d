package dev.logitparity.gguf;

import dev.logitparity.files.AtomicFile;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Builds a GGUF v3 file: metadata in insertion order, then tensors in the order added, each padded to the alignment
 * ({@code general.alignment} if set, else 32), laid out as ggml's own writer does.
 *
 * <p>Tensor values are pulled row by row from a {@link RowSource} while writing, so a model larger than the heap can
 * be written. The output is a pure function of what was added (no timestamps, no randomness): same inputs, same bytes.
 * {@link #write} goes through {@link AtomicFile}, so a failure leaves the target as it was.
 */
public final class GgufWriter {

    /** Supplies a tensor's values one row (ne0 values) at a time. */
    @FunctionalInterface
    public interface RowSource {
        /** Fills {@code dst[0, ne0)} with row {@code row}; {@code dst} is reused between calls. */
        void fill(long row, float[] dst);
    }

    private sealed interface Payload {
    }

    private record Rows(RowSource source) implements Payload {
    }

    private record Raw(byte[] bytes) implements Payload {
    }

    private record PendingTensor(GgufTensorInfo info, Payload payload) {
    }

    /** ggml's GGML_MAX_NAME is 64 including the terminating NUL. */
    private static final int MAX_NAME_BYTES = 63;
    private static final int BUFFER_BYTES = 1 << 20;

    private final SequencedMap<String, GgufValue> metadata = new LinkedHashMap<>();
    private final SequencedMap<String, PendingTensor> tensors = new LinkedHashMap<>();

    public GgufWriter put(String key, GgufValue value) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("metadata key is empty");
        }
        if (metadata.putIfAbsent(key, value) != null) {
            throw new IllegalArgumentException("duplicate metadata key '" + key + "'");
        }
        return this;
    }

    public GgufWriter putAll(Map<String, GgufValue> values) {
        values.forEach(this::put);
        return this;
    }

    /** A tensor encoded from floats as {@code type} (F32, F16 or Q8_0). {@code dims} are in ggml order (ne0 first). */
    public GgufWriter addTensor(String name, GgmlType type, List<Long> dims, RowSource rows) {
        if (!GgmlQuants.SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("tensor '" + name + "': cannot encode " + type + " (supported: "
                    + GgmlQuants.SUPPORTED + "); use addRawTensor for pre-encoded data");
        }
        GgufTensorInfo info = validated(name, type, dims);
        tensors.put(name, new PendingTensor(info, new Rows(rows)));
        return this;
    }

    /** A tensor from all its values, row-major (ne0 fastest). */
    public GgufWriter addTensor(String name, GgmlType type, List<Long> dims, float[] values) {
        GgufTensorInfo info = validated(name, type, dims);
        if (values.length != info.elementCount()) {
            throw new IllegalArgumentException("tensor '" + name + "' of shape " + dims + " needs "
                    + info.elementCount() + " values, got " + values.length);
        }
        float[] copy = values.clone();
        int rowLength = (int) info.rowLength();
        return addTensor(name, type, dims, (row, dst) -> System.arraycopy(copy, (int) row * rowLength, dst, 0, rowLength));
    }

    /** A tensor of any type from its encoded bytes, written as given. */
    public GgufWriter addRawTensor(String name, GgmlType type, List<Long> dims, byte[] bytes) {
        GgufTensorInfo info = validated(name, type, dims);
        if (bytes.length != info.byteSize()) {
            throw new IllegalArgumentException("tensor '" + name + "' of type " + type + " and shape " + dims
                    + " takes " + info.byteSize() + " bytes, got " + bytes.length);
        }
        tensors.put(name, new PendingTensor(info, new Raw(bytes.clone())));
        return this;
    }

    private GgufTensorInfo validated(String name, GgmlType type, List<Long> dims) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("tensor name '" + name + "' is longer than " + MAX_NAME_BYTES + " bytes");
        }
        if (dims.isEmpty() || dims.size() > GgufFile.MAX_DIMS || dims.stream().anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("tensor '" + name + "' has invalid shape " + dims);
        }
        if (dims.getFirst() % type.blockSize() != 0) {
            throw new IllegalArgumentException("tensor '" + name + "' rows of " + dims.getFirst()
                    + " are not a multiple of the " + type + " block size " + type.blockSize());
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor '" + name + "'");
        }
        return new GgufTensorInfo(name, type, dims, 0);
    }

    /** Writes the file, replacing {@code target} atomically. */
    public void write(Path target) throws IOException {
        int alignment = alignment();
        AtomicFile.write(target, temp -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                LittleEndianOutput out = new LittleEndianOutput(channel);
                writeTo(out, alignment);
                out.flush();
                channel.force(true);
            }
        });
    }

    private int alignment() {
        GgufValue value = metadata.get(GgufFile.ALIGNMENT_KEY);
        if (value == null) {
            return GgufFile.DEFAULT_ALIGNMENT;
        }
        if (value.type() != GgufValueType.UINT32 || Long.bitCount(value.asLong()) != 1) {
            throw new IllegalArgumentException("'" + GgufFile.ALIGNMENT_KEY + "' must be a UINT32 power of 2, got " + value);
        }
        return (int) value.asLong();
    }

    private void writeTo(LittleEndianOutput out, int alignment) throws IOException {
        out.i32(GgufFile.MAGIC);
        out.i32(GgufFile.VERSION);
        out.i64(tensors.size());
        out.i64(metadata.size());
        for (Map.Entry<String, GgufValue> kv : metadata.entrySet()) {
            out.string(kv.getKey());
            writeValue(out, kv.getValue());
        }
        long offset = 0;
        for (PendingTensor t : tensors.values()) {
            GgufTensorInfo info = t.info();
            out.string(info.name());
            out.i32(info.dims().size());
            for (long d : info.dims()) {
                out.i64(d);
            }
            out.i32(info.type().id());
            out.i64(offset);
            offset += padded(info.byteSize(), alignment);
        }
        if (!tensors.isEmpty()) {
            // as gguf-py writes it, and as ggml reads it: a file without tensors has no data section to align
            out.pad(alignment);
        }
        for (PendingTensor t : tensors.values()) {
            switch (t.payload()) {
                case Raw(byte[] bytes) -> out.bytes(bytes);
                case Rows(RowSource source) -> writeRows(out, t.info(), source);
            }
            out.pad(alignment);
        }
    }

    private static void writeRows(LittleEndianOutput out, GgufTensorInfo info, RowSource source) throws IOException {
        int rowLength = Math.toIntExact(info.rowLength());
        float[] row = new float[rowLength];
        byte[] encoded = new byte[Math.toIntExact(info.rowByteSize())];
        MemorySegment encodedSegment = MemorySegment.ofArray(encoded);
        for (long r = 0; r < info.rowCount(); r++) {
            source.fill(r, row);
            GgmlQuants.encode(info.type(), row, 0, rowLength, encodedSegment, 0);
            out.bytes(encoded);
        }
    }

    private static void writeValue(LittleEndianOutput out, GgufValue value) throws IOException {
        out.i32(value.type().id());
        switch (value) {
            case GgufValue.Int(GgufValueType type, long v) -> writeInteger(out, type, v);
            case GgufValue.Real(GgufValueType type, double v) -> writeReal(out, type, v);
            case GgufValue.Bool(boolean v) -> out.i8(v ? 1 : 0);
            case GgufValue.Str(String v) -> out.string(v);
            case GgufValue.IntArray a -> {
                arrayHeader(out, a);
                for (long v : a.values()) {
                    writeInteger(out, a.elementType(), v);
                }
            }
            case GgufValue.RealArray a -> {
                arrayHeader(out, a);
                for (double v : a.values()) {
                    writeReal(out, a.elementType(), v);
                }
            }
            case GgufValue.BoolArray a -> {
                arrayHeader(out, a);
                for (boolean v : a.values()) {
                    out.i8(v ? 1 : 0);
                }
            }
            case GgufValue.StrArray a -> {
                arrayHeader(out, a);
                for (String v : a.values()) {
                    out.string(v);
                }
            }
        }
    }

    private static void arrayHeader(LittleEndianOutput out, GgufValue array) throws IOException {
        out.i32(array.elementType().id());
        out.i64(array.length());
    }

    private static void writeInteger(LittleEndianOutput out, GgufValueType type, long v) throws IOException {
        switch (type) {
            case UINT8, INT8 -> out.i8((int) v);
            case UINT16, INT16 -> out.i16((int) v);
            case UINT32, INT32 -> out.i32((int) v);
            default -> out.i64(v);
        }
    }

    private static void writeReal(LittleEndianOutput out, GgufValueType type, double v) throws IOException {
        if (type == GgufValueType.FLOAT32) {
            out.f32((float) v);
        } else {
            out.f64(v);
        }
    }

    private static long padded(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }

    /** Buffered little-endian writes to a channel, counting bytes for padding. */
    private static final class LittleEndianOutput {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        LittleEndianOutput(FileChannel channel) {
            this.channel = channel;
        }

        private ByteBuffer room(int n) throws IOException {
            if (buffer.remaining() < n) {
                flush();
            }
            written += n;
            return buffer;
        }

        void i8(int v) throws IOException {
            room(1).put((byte) v);
        }

        void i16(int v) throws IOException {
            room(2).putShort((short) v);
        }

        void i32(int v) throws IOException {
            room(4).putInt(v);
        }

        void i64(long v) throws IOException {
            room(8).putLong(v);
        }

        void f32(float v) throws IOException {
            room(4).putFloat(v);
        }

        void f64(double v) throws IOException {
            room(8).putDouble(v);
        }

        void string(String s) throws IOException {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            i64(utf8.length);
            bytes(utf8);
        }

        void bytes(byte[] b) throws IOException {
            for (int from = 0; from < b.length; ) {
                int n = Math.min(b.length - from, BUFFER_BYTES);
                room(n).put(b, from, n);
                from += n;
            }
        }

        void pad(int alignment) throws IOException {
            while (written % alignment != 0) {
                i8(0);
            }
        }

        void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }
}
