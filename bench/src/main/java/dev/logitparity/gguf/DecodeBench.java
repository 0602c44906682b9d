package dev.logitparity.gguf;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * {@link GgmlQuants#decode}, row by row, of F16 and Q8_0 weights to floats: what the reference's scalar kernel does
 * for every row, and its vector kernel for every F16 row. One operation is one weight decoded.
 */
@State(Scope.Thread)
public class DecodeBench {

    @Param({"F16", "Q8_0"})
    public GgmlType type;

    @Param({"896", "4864"})
    public int columns;

    private Arena arena;
    private MemorySegment data;
    private float[] row;

    @Setup
    public void encode() {
        arena = Arena.ofConfined();
        data = InCacheWeights.encoded(type, arena);
        row = new float[columns];
    }

    @TearDown
    public void free() {
        arena.close();
    }

    @Benchmark
    @OperationsPerInvocation(InCacheWeights.VALUES)
    public float[] decodeRows() {
        long rowBytes = type.byteSize(columns);
        for (int r = 0; r < InCacheWeights.VALUES / columns; r++) {
            GgmlQuants.decode(type, data, r * rowBytes, row, 0, columns);
        }
        return row;
    }
}
