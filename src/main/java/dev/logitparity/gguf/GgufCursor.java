package dev.logitparity.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A little-endian read position over a mapped GGUF file. Every read checks the bytes remain first, so a short file
 * fails with a {@link GgufFormatException} that says what was being read, never with a bounds exception.
 */
final class GgufCursor {

    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path path;
    private final MemorySegment file;
    private long position;
    private String reading = "the header";

    GgufCursor(Path path, MemorySegment file) {
        this.path = path;
        this.file = file;
    }

    /** Names what the following reads belong to, for the error message. */
    void reading(String what) {
        reading = what;
    }

    long position() {
        return position;
    }

    long remaining() {
        return file.byteSize() - position;
    }

    GgufFormatException error(String problem) {
        return new GgufFormatException(path, problem);
    }

    /** Fails unless {@code n} more bytes exist. */
    void require(long n) {
        if (n < 0 || n > remaining()) {
            throw error("truncated: " + reading + " needs " + Long.toUnsignedString(n) + " bytes at offset " + position
                    + " but file is " + file.byteSize() + " bytes");
        }
    }

    void seek(long to) {
        if (to > file.byteSize()) {
            throw error("truncated: " + reading + " starts at offset " + to + " but file is " + file.byteSize() + " bytes");
        }
        position = to;
    }

    byte i8() {
        require(1);
        return file.get(ValueLayout.JAVA_BYTE, position++);
    }

    short i16() {
        require(2);
        short v = file.get(SHORT, position);
        position += 2;
        return v;
    }

    int i32() {
        require(4);
        int v = file.get(INT, position);
        position += 4;
        return v;
    }

    long u32() {
        return Integer.toUnsignedLong(i32());
    }

    long i64() {
        require(8);
        long v = file.get(LONG, position);
        position += 8;
        return v;
    }

    float f32() {
        require(4);
        float v = file.get(FLOAT, position);
        position += 4;
        return v;
    }

    double f64() {
        require(8);
        double v = file.get(DOUBLE, position);
        position += 8;
        return v;
    }

    /**
     * A GGUF string: uint64 length, then UTF-8. Malformed UTF-8 is replaced (U+FFFD) rather than rejected, as ggml
     * does not validate it either.
     */
    String string() {
        return string(Integer.MAX_VALUE - 8, "string");
    }

    /** A GGUF string of at most {@code maxBytes}; {@code what} names the limit in the error. */
    String string(long maxBytes, String what) {
        long start = position;
        long length = i64();
        require(length);
        if (length > maxBytes) {
            throw error(reading + ": " + what + " at offset " + start + " is " + length + " bytes long, over the limit of "
                    + maxBytes);
        }
        byte[] bytes = file.asSlice(position, length).toArray(ValueLayout.JAVA_BYTE);
        position += length;
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
