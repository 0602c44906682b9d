package dev.logitparity.compare;

import dev.logitparity.trace.Intermediates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where in the network two engines part at one step: per named intermediate (in graph order), how far side A is from
 * side B, and the first operation whose error jumps well above what flowed into it.
 * <p>
 * The rule. Each row's error is the relative L2 error ‖a − b‖ / ‖b‖ of the step's last position. What flowed in is
 * the largest error of any earlier row (every op reads the residual stream that all earlier ops wrote, so rounding
 * error that grows slowly layer by layer never looks like a jump). An op <em>jumps</em> when its error is at least
 * {@link #JUMP_FACTOR} times the larger of what flowed in and what is expected of it (the error the weights alone
 * explain, for two quantisations of one model), and at least {@link #MIN_JUMP} in absolute terms (below 1 % the two
 * are the same computation up to rounding, whatever the ratio: e.g. llama.cpp's F16 rounding of activations right
 * after an exact norm). A row whose lengths differ (a head count or a shape read differently) always jumps.
 *
 * @param rows      graph order, one per name both sides have
 * @param firstJump index into {@code rows} of the first jump, or -1
 */
public record LayerLocalisation(int step, String sideA, String sideB, List<Row> rows, int firstJump) {

    public static final double JUMP_FACTOR = 10;
    public static final double MIN_JUMP = 1e-2;

    /**
     * @param inflow   the largest error of the rows before this one
     * @param expected what the weights alone explain here (0 when nothing is expected)
     */
    public record Row(String name, int layer, String op, int length, double relativeError, double nmse,
                      double maxAbsDelta, double inflow, double expected, boolean jump) {
    }

    public LayerLocalisation {
        rows = List.copyOf(rows);
    }

    /** The row of {@code name}, if both sides had it. */
    public Optional<Row> row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<Row> jump() {
        return firstJump < 0 ? Optional.empty() : Optional.of(rows.get(firstJump));
    }

    /**
     * Compares {@code a} with {@code b}, name by name in graph order, over the names both have; {@code expected}
     * gives, per name, the error the weights alone explain (absent: 0).
     */
    public static LayerLocalisation of(int step, String sideA, String sideB, Intermediates a, Intermediates b,
                                       Map<String, Double> expected) {
        List<Row> rows = new ArrayList<>();
        double inflow = 0;
        int firstJump = -1;
        int layers = 1 + a.asMap().keySet().stream().mapToInt(Intermediates::layerOf).max().orElse(-1);
        for (String name : Intermediates.namesInOrder(layers)) {
            double[] x = a.get(name).orElse(null);
            double[] y = b.get(name).orElse(null);
            if (x == null || y == null) {
                continue;
            }
            double want = expected.getOrDefault(name, 0.0);
            int layer = Intermediates.layerOf(name);
            String op = Intermediates.layerOp(name).orElse(name);
            Row row = x.length != y.length
                    ? new Row(name, layer, op, y.length, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY, inflow, want, true)
                    : measure(name, layer, op, x, y, inflow, want);
            if (row.jump() && firstJump < 0) {
                firstJump = rows.size();
            }
            rows.add(row);
            inflow = Math.max(inflow, row.relativeError());
        }
        return new LayerLocalisation(step, sideA, sideB, rows, firstJump);
    }

    private static Row measure(String name, int layer, String op, double[] x, double[] y, double inflow,
                               double expected) {
        double diff2 = 0;
        double ref2 = 0;
        double maxAbs = 0;
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double variance = 0;
        for (int i = 0; i < y.length; i++) {
            double d = x[i] - y[i];
            diff2 += d * d;
            ref2 += y[i] * y[i];
            variance += (y[i] - mean) * (y[i] - mean);
            maxAbs = Math.max(maxAbs, Math.abs(d));
        }
        double relative = diff2 == 0 ? 0 : Math.sqrt(diff2 / ref2);
        // llama.cpp's check-nmse.py definition: mse / var(reference)
        double nmse = diff2 == 0 ? 0 : diff2 / variance;
        boolean jump = Double.isNaN(relative)
                || relative >= MIN_JUMP && relative >= JUMP_FACTOR * Math.max(inflow, expected);
        return new Row(name, layer, op, y.length, relative, nmse, maxAbs, inflow, expected, jump);
    }
}
