package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgmlType;

import java.lang.foreign.MemorySegment;

/**
 * A 2-D weight read in place from the mapped GGUF: {@link #rows()} rows of {@link #columns()} values, row r being the
 * r-th ne0-long row (one output unit of a projection, or one token's embedding). Nothing is copied onto the heap, so a
 * 0.5B-parameter Q8_0 model costs its file mapping; {@link MatVec} decodes the rows as it multiplies.
 *
 * <p>Rows are decoded by {@link GgmlQuants}, ggml's reference codecs to the bit; only the products and sums that use
 * them are taken in double.
 */
final class WeightMatrix {

    private final GgmlType type;
    private final MemorySegment data;
    private final int rows;
    private final int columns;
    private final long rowBytes;

    /** {@code data} holds exactly {@code rows} rows of {@code columns} values of {@code type}, one GgmlQuants decodes. */
    WeightMatrix(GgmlType type, MemorySegment data, int rows, int columns) {
        if (!GgmlQuants.SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("cannot decode " + type);
        }
        this.type = type;
        this.data = data;
        this.rows = rows;
        this.columns = columns;
        this.rowBytes = type.byteSize(columns);
        if (data.byteSize() != rows * rowBytes) {
            throw new IllegalArgumentException(data.byteSize() + " bytes are not " + rows + " rows of " + columns
                    + " " + type);
        }
    }

    int rows() {
        return rows;
    }

    GgmlType type() {
        return type;
    }

    int columns() {
        return columns;
    }

    /** Rows {@code [from, from + count)} as a matrix of their own: how a fused QKV projection splits into Q, K, V. */
    WeightMatrix rowSlice(int from, int count) {
        return new WeightMatrix(type, data.asSlice(from * rowBytes, count * rowBytes), count, columns);
    }

    /** The rows' bytes as the file holds them, row r at {@code r · rowBytes()}. */
    MemorySegment data() {
        return data;
    }

    long rowBytes() {
        return rowBytes;
    }

    /** Decodes row {@code row} into {@code dst[0, columns)}. */
    void decodeRow(int row, float[] dst) {
        GgmlQuants.decode(type, data, row * rowBytes, dst, 0, columns);
    }
}
