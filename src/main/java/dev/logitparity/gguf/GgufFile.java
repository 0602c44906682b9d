package dev.logitparity.gguf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A GGUF file (version 2 or 3, little-endian), memory-mapped. Opening parses and validates the header, all metadata
 * and all tensor infos, and checks every tensor's data lies inside the file, so a damaged file fails at
 * {@link #open} with one {@link GgufFormatException} rather than later with a bounds error.
 *
 * <p>The mapping belongs to a shared {@link Arena} owned by this object: tensors may be decoded from any thread.
 * {@link #close()} unmaps and is idempotent; any use afterwards throws {@link IllegalStateException}, and so does
 * reading a segment obtained from {@link #tensorData} after close.
 */
public final class GgufFile implements AutoCloseable {

    /** {@code "GGUF"} read as a little-endian uint32. */
    static final int MAGIC = 0x46554747;
    static final int VERSION = 3;
    static final String ALIGNMENT_KEY = "general.alignment";
    static final int DEFAULT_ALIGNMENT = 32;
    /** GGML_MAX_DIMS. */
    static final int MAX_DIMS = 4;
    /** GGML_MAX_NAME, which counts the terminating NUL: ggml's loader refuses longer tensor names. */
    static final int MAX_NAME = 64;

    private final Path path;
    private final Arena arena;
    private final MemorySegment mapping;
    private final int version;
    private final int alignment;
    private final long dataSectionOffset;
    private final SequencedMap<String, GgufValue> metadata;
    private final SequencedMap<String, GgufTensorInfo> tensors;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GgufFile(Path path, Arena arena, MemorySegment mapping) {
        this.path = path;
        this.arena = arena;
        this.mapping = mapping;
        GgufCursor in = new GgufCursor(path, mapping);
        this.version = readHeader(in);
        long tensorCount = readCount(in, "tensor count");
        long kvCount = readCount(in, "metadata count");
        this.metadata = Collections.unmodifiableSequencedMap(readMetadata(in, kvCount));
        this.alignment = alignmentOf(in, metadata);
        List<RawTensorInfo> infos = readTensorInfos(in, tensorCount);
        if (tensorCount > 0) {
            in.reading("padding before the tensor data");
            in.seek(pad(in.position(), alignment));
        }
        this.dataSectionOffset = in.position();
        this.tensors = Collections.unmodifiableSequencedMap(placeTensors(in, infos, dataSectionOffset, alignment));
    }

    /**
     * Maps and parses {@code path}.
     *
     * @throws GgufFormatException if the file is missing, unreadable, not GGUF, of an unsupported version, or damaged
     */
    public static GgufFile open(Path path) {
        Arena arena = Arena.ofShared();
        try {
            return new GgufFile(path, arena, map(path, arena));
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static MemorySegment map(Path path, Arena arena) {
        if (Files.isDirectory(path)) {
            // opening succeeds on Linux and mapping then fails with an obscure "No such device"
            throw new GgufFormatException(path, "is a directory, not a GGUF file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // opening a FIFO blocks until something writes to it
            throw new GgufFormatException(path, "is not a regular file (a FIFO, socket or device), not a GGUF file");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new GgufFormatException(path, "empty file (0 bytes), not GGUF");
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (NoSuchFileException e) {
            throw new GgufFormatException(path, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new GgufFormatException(path, "permission denied", e);
        } catch (IOException e) {
            throw new GgufFormatException(path, "cannot read: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static int readHeader(GgufCursor in) {
        in.reading("the magic");
        int magic = in.i32();
        if (magic != MAGIC) {
            throw in.error("not a GGUF file: starts with " + printable(magic) + ", expected 'GGUF'");
        }
        in.reading("the version");
        int version = in.i32();
        if (version == Integer.reverseBytes(2) || version == Integer.reverseBytes(VERSION)) {
            throw in.error("big-endian GGUF is not supported");
        }
        if (version != 2 && version != VERSION) {
            throw in.error("unsupported GGUF version " + Integer.toUnsignedString(version) + " (supported: 2, 3)");
        }
        return version;
    }

    private static long readCount(GgufCursor in, String what) {
        in.reading("the " + what);
        long n = in.i64();
        if (n < 0) {
            throw in.error(what + " " + Long.toUnsignedString(n) + " is out of range");
        }
        return n;
    }

    private static SequencedMap<String, GgufValue> readMetadata(GgufCursor in, long count) {
        SequencedMap<String, GgufValue> kv = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            in.reading("metadata key #" + i);
            String key = in.string();
            if (key.isEmpty()) {
                throw in.error("metadata key #" + i + " is empty");
            }
            if (kv.containsKey(key)) {
                throw in.error("duplicate metadata key '" + key + "'");
            }
            in.reading("metadata '" + key + "'");
            kv.put(key, readValue(in, key));
        }
        return kv;
    }

    private static GgufValue readValue(GgufCursor in, String key) {
        GgufValueType type = readType(in, key);
        if (type != GgufValueType.ARRAY) {
            return readScalar(in, type);
        }
        GgufValueType element = readType(in, key);
        if (element == GgufValueType.ARRAY) {
            throw in.error("metadata '" + key + "' is an array of arrays, which GGUF readers do not support");
        }
        long count = in.i64();
        // checking the minimum size first keeps a corrupt count from allocating gigabytes
        if (count < 0 || count > in.remaining() / element.minSize()) {
            throw in.error("truncated: metadata '" + key + "' claims " + Long.toUnsignedString(count) + " " + element
                    + " elements, needing more than the " + in.remaining() + " bytes left at offset " + in.position());
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw in.error("metadata '" + key + "' has " + count + " elements, more than one Java array holds");
        }
        int n = (int) count;
        return switch (element) {
            case STRING -> {
                List<String> values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    values.add(in.string());
                }
                yield new GgufValue.StrArray(values);
            }
            case BOOL -> {
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = in.i8() != 0;
                }
                yield new GgufValue.BoolArray(values);
            }
            case FLOAT32, FLOAT64 -> {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = element == GgufValueType.FLOAT32 ? in.f32() : in.f64();
                }
                yield new GgufValue.RealArray(element, values);
            }
            default -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = readInteger(in, element);
                }
                yield new GgufValue.IntArray(element, values);
            }
        };
    }

    private static GgufValueType readType(GgufCursor in, String key) {
        long id = in.u32();
        return GgufValueType.fromId((int) Math.min(id, Integer.MAX_VALUE))
                .orElseThrow(() -> in.error("metadata '" + key + "' has invalid value type id " + id));
    }

    private static GgufValue readScalar(GgufCursor in, GgufValueType type) {
        return switch (type) {
            case STRING -> new GgufValue.Str(in.string());
            case BOOL -> new GgufValue.Bool(in.i8() != 0);
            case FLOAT32 -> new GgufValue.Real(type, in.f32());
            case FLOAT64 -> new GgufValue.Real(type, in.f64());
            default -> new GgufValue.Int(type, readInteger(in, type));
        };
    }

    private static long readInteger(GgufCursor in, GgufValueType type) {
        return switch (type) {
            case UINT8 -> Byte.toUnsignedLong(in.i8());
            case INT8 -> in.i8();
            case UINT16 -> Short.toUnsignedLong(in.i16());
            case INT16 -> in.i16();
            case UINT32 -> in.u32();
            case INT32 -> in.i32();
            case UINT64, INT64 -> in.i64();
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
    }

    private static int alignmentOf(GgufCursor in, SequencedMap<String, GgufValue> metadata) {
        GgufValue value = metadata.get(ALIGNMENT_KEY);
        if (value == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (value.type() != GgufValueType.UINT32) {
            throw in.error("'" + ALIGNMENT_KEY + "' must be UINT32 but is " + value.describeType());
        }
        long a = value.asLong();
        if (a == 0 || Long.bitCount(a) != 1 || a > Integer.MAX_VALUE) {
            throw in.error("'" + ALIGNMENT_KEY + "' is " + a + ", not a power of 2");
        }
        return (int) a;
    }

    /** A tensor info as stored, before its offset is resolved against the data section. */
    private record RawTensorInfo(String name, GgmlType type, List<Long> dims, long storedOffset) {
    }

    private static List<RawTensorInfo> readTensorInfos(GgufCursor in, long count) {
        List<RawTensorInfo> infos = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            in.reading("tensor info #" + i);
            // read the length first: a corrupt one would otherwise make the next message quote file bytes as a name
            String name = in.string(MAX_NAME - 1, "tensor name");
            in.reading("tensor info '" + name + "'");
            long nDims = in.u32();
            if (nDims < 1 || nDims > MAX_DIMS) {
                throw in.error("tensor '" + name + "' has " + nDims + " dimensions (must be 1 to " + MAX_DIMS + ")");
            }
            List<Long> dims = new ArrayList<>();
            for (int d = 0; d < nDims; d++) {
                long ne = in.i64();
                if (ne < 0) {
                    throw in.error("tensor '" + name + "' dimension " + d + " is negative");
                }
                dims.add(ne);
            }
            long typeId = in.u32();
            GgmlType type = GgmlType.fromId((int) Math.min(typeId, Integer.MAX_VALUE))
                    .orElseThrow(() -> in.error("tensor '" + name + "' has unknown ggml type id " + typeId));
            if (dims.getFirst() % type.blockSize() != 0) {
                throw in.error("tensor '" + name + "' of type " + type + " has rows of " + dims.getFirst()
                        + " elements, not a multiple of the block size " + type.blockSize());
            }
            infos.add(new RawTensorInfo(name, type, dims, in.i64()));
        }
        return infos;
    }

    /** Resolves stored offsets against the data section and checks each tensor's bytes lie inside the file. */
    private static SequencedMap<String, GgufTensorInfo> placeTensors(GgufCursor in, List<RawTensorInfo> infos,
                                                                     long dataStart, int alignment) {
        long fileSize = in.position() + in.remaining();
        SequencedMap<String, GgufTensorInfo> byName = new LinkedHashMap<>();
        for (RawTensorInfo raw : infos) {
            String name = raw.name();
            if (raw.storedOffset() < 0 || raw.storedOffset() > fileSize) {
                throw in.error("truncated: tensor '" + name + "' data offset " + Long.toUnsignedString(raw.storedOffset())
                        + " is beyond the end of the file (" + fileSize + " bytes)");
            }
            if (raw.storedOffset() % alignment != 0) {
                throw in.error("tensor '" + name + "' data offset " + raw.storedOffset()
                        + " is not a multiple of the alignment " + alignment);
            }
            GgufTensorInfo info = new GgufTensorInfo(name, raw.type(), raw.dims(), dataStart + raw.storedOffset());
            long end;
            try {
                end = Math.addExact(info.dataOffset(), info.byteSize());
            } catch (ArithmeticException e) {
                throw in.error("tensor '" + name + "' of shape " + raw.dims() + " is too large to address");
            }
            if (end > fileSize) {
                throw in.error("truncated: tensor '" + name + "' data ends at " + end + " but file is " + fileSize + " bytes");
            }
            if (byName.putIfAbsent(name, info) != null) {
                throw in.error("duplicate tensor name '" + name + "'");
            }
        }
        return byName;
    }

    private static long pad(long position, int alignment) {
        return (position + alignment - 1) / alignment * alignment;
    }

    private static String printable(int magic) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < 4; i++) {
            int c = (magic >>> (8 * i)) & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.append("' (0x").append(String.format("%08x", Integer.reverseBytes(magic))).append(')').toString();
    }

    public Path path() {
        return path;
    }

    public int version() {
        ensureOpen();
        return version;
    }

    /** The data alignment: {@code general.alignment}, or 32. */
    public int alignment() {
        ensureOpen();
        return alignment;
    }

    /** Absolute file offset of the tensor data section. */
    public long dataSectionOffset() {
        ensureOpen();
        return dataSectionOffset;
    }

    public long fileSize() {
        ensureOpen();
        return mapping.byteSize();
    }

    /** All metadata in file order; unmodifiable. */
    public SequencedMap<String, GgufValue> metadata() {
        ensureOpen();
        return metadata;
    }

    public Optional<GgufValue> find(String key) {
        ensureOpen();
        return Optional.ofNullable(metadata.get(key));
    }

    /** @throws GgufFormatException naming the key if the file lacks it */
    public GgufValue require(String key) {
        return find(key).orElseThrow(() -> new GgufFormatException(path, "missing metadata key '" + key + "'"));
    }

    /** All tensor infos in file order. */
    public List<GgufTensorInfo> tensors() {
        ensureOpen();
        return List.copyOf(tensors.values());
    }

    public Optional<GgufTensorInfo> findTensor(String name) {
        ensureOpen();
        return Optional.ofNullable(tensors.get(name));
    }

    /** @throws GgufFormatException naming the tensor if the file lacks it */
    public GgufTensorInfo tensor(String name) {
        return findTensor(name).orElseThrow(() -> new GgufFormatException(path, "no tensor '" + name + "'"));
    }

    /** The tensor's raw bytes, read-only; valid until {@link #close()}. */
    public MemorySegment tensorData(String name) {
        GgufTensorInfo t = tensor(name);
        return mapping.asSlice(t.dataOffset(), t.byteSize()).asReadOnly();
    }

    /** The whole tensor as floats, decoded exactly as ggml does. */
    public float[] dequantize(String name) {
        GgufTensorInfo t = tensor(name);
        if (t.elementCount() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(path + ": tensor '" + name + "' has " + t.elementCount()
                    + " elements, too many for one float[]; decode it by rows");
        }
        float[] out = new float[(int) t.elementCount()];
        decode(t, t.dataOffset(), out, out.length);
        return out;
    }

    /** Decodes row {@code row} (ne0 values) of {@code tensor}, one of this file's tensors, into {@code dst[0, ne0)}. */
    public void dequantizeRow(GgufTensorInfo tensor, long row, float[] dst) {
        ensureOpen();
        if (!tensor.equals(tensors.get(tensor.name()))) {
            throw new IllegalArgumentException(path + ": tensor " + tensor + " is not from this file");
        }
        if (row < 0 || row >= tensor.rowCount()) {
            throw new IndexOutOfBoundsException("row " + row + " of tensor '" + tensor.name() + "' with " + tensor.rowCount() + " rows");
        }
        if (dst.length < tensor.rowLength()) {
            throw new IllegalArgumentException("destination holds " + dst.length + " floats, the row has " + tensor.rowLength());
        }
        decode(tensor, tensor.dataOffset() + row * tensor.rowByteSize(), dst, (int) tensor.rowLength());
    }

    private void decode(GgufTensorInfo t, long offset, float[] dst, int n) {
        if (!GgmlQuants.SUPPORTED.contains(t.type())) {
            throw new UnsupportedOperationException(path + ": tensor '" + t.name() + "' has type " + t.type()
                    + "; decoding supports " + GgmlQuants.SUPPORTED);
        }
        GgmlQuants.decode(t.type(), mapping, offset, dst, 0, n);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(path + ": GgufFile is closed");
        }
    }

    /** Unmaps the file; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "GgufFile[" + path + (closed.get() ? ", closed]" : ", v" + version + ", " + metadata.size() + " keys, "
                + tensors.size() + " tensors]");
    }
}
