package dev.logitparity.gguf;

import java.util.Optional;

/** The metadata value types of GGUF ({@code enum gguf_type} in {@code gguf.h}), with their ids and encoded sizes. */
public enum GgufValueType {
    UINT8(0, 1),
    INT8(1, 1),
    UINT16(2, 2),
    INT16(3, 2),
    UINT32(4, 4),
    INT32(5, 4),
    FLOAT32(6, 4),
    BOOL(7, 1),
    /** A uint64 byte length followed by UTF-8 bytes; {@link #minSize()} is the length field. */
    STRING(8, 8),
    /** Element type (uint32), count (uint64), then the elements; {@link #minSize()} is the two header fields. */
    ARRAY(9, 12),
    UINT64(10, 8),
    INT64(11, 8),
    FLOAT64(12, 8);

    private static final GgufValueType[] BY_ID = values();

    private final int id;
    private final int minSize;

    GgufValueType(int id, int minSize) {
        this.id = id;
        this.minSize = minSize;
    }

    public int id() {
        return id;
    }

    /** The fewest bytes a value of this type occupies; lets a reader reject absurd array counts before allocating. */
    public int minSize() {
        return minSize;
    }

    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, UINT32, INT32, UINT64, INT64 -> true;
            default -> false;
        };
    }

    public boolean isReal() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public static Optional<GgufValueType> fromId(int id) {
        // declaration order equals id order, so the ordinal is the id
        return id >= 0 && id < BY_ID.length ? Optional.of(BY_ID[id]) : Optional.empty();
    }
}
