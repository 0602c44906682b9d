package dev.logitparity.synthetic;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64 (Steele, Lea, Flood 2014; the generator inside {@link java.util.SplittableRandom}), written out so the
 * model files cannot change with a JDK's choice of algorithm for {@code nextDouble} or {@code nextGaussian}.
 *
 * <p>Each tensor row gets its own stream, keyed by (seed, tensor name, row). A weight is then a pure function of those
 * three, so rows can be generated in any order, streamed to disk, and the F32/F16/Q8_0 twins of a model hold exactly
 * the same floats before storage.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    private SplitMix64(long state) {
        this.state = state;
    }

    static SplitMix64 forRow(long seed, String tensor, long row) {
        return new SplitMix64(mix(mix(seed ^ fnv1a(tensor)) + row * GOLDEN_GAMMA));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in the open interval (-1, 1), symmetric about 0: 53 random bits centred on a grid's midpoints. */
    double nextSymmetric() {
        return (((nextLong() >>> 11) + 0.5) * 0x1p-53) * 2.0 - 1.0;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a stable name hash (String.hashCode is only 32 bits). */
    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return h;
    }
}
