package dev.logitparity.gguf;

import java.util.List;

/**
 * A tensor as a GGUF file describes it.
 *
 * @param name       e.g. {@code blk.0.attn_q.weight}
 * @param type       element type
 * @param dims       ggml order: {@code dims.get(0)} (ne0) is the row length, the fastest-varying dimension
 * @param dataOffset absolute offset of the tensor's first byte in the file (data section start + stored offset)
 */
public record GgufTensorInfo(String name, GgmlType type, List<Long> dims, long dataOffset) {

    public GgufTensorInfo {
        dims = List.copyOf(dims);
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("tensor '" + name + "' has no dimensions");
        }
    }

    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Elements per row (ne0). */
    public long rowLength() {
        return dims.getFirst();
    }

    /** Rows, all higher dimensions flattened. */
    public long rowCount() {
        return rowLength() == 0 ? 0 : elementCount() / rowLength();
    }

    public long byteSize() {
        return type.byteSize(elementCount());
    }

    public long rowByteSize() {
        return type.byteSize(rowLength());
    }
}
