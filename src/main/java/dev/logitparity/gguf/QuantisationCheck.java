package dev.logitparity.gguf;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether two GGUFs hold the same weights up to quantisation: every tensor of one is present in the other with the
 * same shape, and every element differs by no more than the two types' rounding allows. Each side's rounding is
 * bounded from its own encoding: 0 for F32; half an fp16 step (2^-11 of the value) for F16; for Q8_0, 0.6 of the
 * block's scale d (half a step for the rounding to an integer, plus the step lost by storing d itself as fp16:
 * 127 · d · 2^-11 ≈ 0.062 d), so that any quantiser that rounds to nearest passes and a tensor scaled, shifted or
 * swapped beyond that does not.
 */
public final class QuantisationCheck {

    private static final ValueLayout.OfShort HALF_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final double Q8_0_SLACK = 0.6;
    private static final double F16_SLACK = Math.scalb(1.0, -11);
    /** fp16's smallest subnormal: F16's rounding near zero. */
    private static final double F16_TINY = Math.scalb(1.0, -24);

    private QuantisationCheck() {
    }

    /** Why {@code b}'s weights are not a quantisation of {@code a}'s, or empty when they are. */
    public static Optional<String> compare(Path a, Path b) {
        try (GgufFile fa = GgufFile.open(a); GgufFile fb = GgufFile.open(b)) {
            if (fa.tensors().size() != fb.tensors().size()) {
                return Optional.of(a.getFileName() + " has " + fa.tensors().size() + " tensors, " + b.getFileName()
                        + " " + fb.tensors().size());
            }
            for (GgufTensorInfo ta : fa.tensors()) {
                Optional<GgufTensorInfo> tb = fb.findTensor(ta.name());
                if (tb.isEmpty()) {
                    return Optional.of(b.getFileName() + " has no tensor " + ta.name());
                }
                if (!ta.dims().equals(tb.get().dims())) {
                    return Optional.of(ta.name() + " is " + ta.dims() + " in A, " + tb.get().dims() + " in B");
                }
                Optional<String> finding = compare(fa, ta, fb, tb.get());
                if (finding.isPresent()) {
                    return finding;
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<String> compare(GgufFile fa, GgufTensorInfo ta, GgufFile fb, GgufTensorInfo tb) {
        for (GgufTensorInfo t : new GgufTensorInfo[] {ta, tb}) {
            if (!GgmlQuants.SUPPORTED.contains(t.type())) {
                return Optional.empty(); // no bound known for this type: not evidence of damage
            }
        }
        MemorySegment dataA = fa.tensorData(ta.name());
        MemorySegment dataB = fb.tensorData(tb.name());
        int n = (int) ta.rowLength();
        float[] rowA = new float[n];
        float[] rowB = new float[n];
        long violations = 0;
        double worst = 0;
        for (long row = 0; row < ta.rowCount(); row++) {
            fa.dequantizeRow(ta, row, rowA);
            fb.dequantizeRow(tb, row, rowB);
            for (int i = 0; i < n; i++) {
                double allowed = rounding(dataA, ta, row, i, rowA[i]) + rounding(dataB, tb, row, i, rowB[i]);
                double delta = Math.abs((double) rowA[i] - rowB[i]);
                if (!(delta <= allowed)) {
                    violations++;
                    worst = Math.max(worst, delta);
                }
            }
        }
        if (violations == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT,
                "%s differs beyond %s/%s rounding in %d of %d values (largest difference %.3g)", ta.name(),
                ta.type().lowerName(), tb.type().lowerName(), violations, ta.elementCount(), worst));
    }

    /** How far rounding to {@code tensor}'s type can have moved the element {@code i} of {@code row}. */
    private static double rounding(MemorySegment data, GgufTensorInfo tensor, long row, int i, float value) {
        return switch (tensor.type()) {
            case F16 -> Math.abs(value) * F16_SLACK + F16_TINY;
            case Q8_0 -> {
                long block = row * tensor.rowByteSize()
                        + (long) (i / tensor.type().blockSize()) * tensor.type().bytesPerBlock();
                yield Q8_0_SLACK * Math.abs(Float.float16ToFloat(data.get(HALF_LE, block)));
            }
            default -> 0;
        };
    }
}
