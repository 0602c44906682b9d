package dev.logitparity.gguf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/**
 * The weights the kernel benchmarks work on: {@link #VALUES} seeded Gaussian values stored as one ggml type, few
 * enough to stay in a core's L2 cache (133 KB as F32), so the figures are the kernels' and not memory's. VALUES is
 * a whole number of rows at both of Qwen2-0.5B's widths (38 x 896 = 7 x 4,864), so every width does the same work
 * per call and JMH's {@code @OperationsPerInvocation(VALUES)} turns calls/s into weights/s.
 */
public final class InCacheWeights {

    /** lcm(896, 4864), a whole number of Q8_0 blocks too. */
    public static final int VALUES = 34_048;

    private InCacheWeights() {
    }

    /** VALUES Gaussian weights encoded as {@code type}, in memory owned by {@code arena}. */
    public static MemorySegment encoded(GgmlType type, Arena arena) {
        return encoded(type, VALUES, arena);
    }

    /** {@code values} Gaussian weights (the first VALUES of them those of the other overload) as {@code type}. */
    public static MemorySegment encoded(GgmlType type, int values, Arena arena) {
        SplittableRandom random = new SplittableRandom(1);
        float[] weights = new float[values];
        for (int i = 0; i < values; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        MemorySegment data = arena.allocate(type.byteSize(values), 64);
        GgmlQuants.encode(type, weights, 0, values, data, 0);
        return data;
    }
}
