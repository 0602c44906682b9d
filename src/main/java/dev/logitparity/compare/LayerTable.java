package dev.logitparity.compare;

import dev.logitparity.compare.LayerLocalisation.Row;
import dev.logitparity.trace.Intermediates;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The text form of a {@link LayerLocalisation}: one line per layer, one column per op, the first jump marked. */
public final class LayerTable {
    private static final String JUMP_MARK = "*";

    private LayerTable() {
    }

    public static String render(LayerLocalisation l) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "layers at step %d: %s vs %s, relative L2 error per op%n", l.step(),
                l.sideA(), l.sideB()));
        List<Row> rows = l.rows();
        Optional<Row> jump = l.jump();
        appendNamed(out, "in", rows.stream().filter(r -> r.layer() < 0 && Intermediates.INPUTS.contains(r.name()))
                .toList(), jump);
        out.append(String.format(Locale.ROOT, "%-6s", "layer"));
        for (String op : Intermediates.LAYER_OPS) {
            out.append(String.format(Locale.ROOT, " %-10s", op));
        }
        out.append(System.lineSeparator());
        int layers = rows.stream().mapToInt(Row::layer).max().orElse(-1) + 1;
        for (int layer = 0; layer < layers; layer++) {
            out.append(String.format(Locale.ROOT, "%-6d", layer));
            for (String op : Intermediates.LAYER_OPS) {
                String name = op + "-" + layer;
                out.append(String.format(Locale.ROOT, " %-10s", l.row(name).map(r -> cell(r, jump))
                        .orElse("-")));
            }
            out.append(System.lineSeparator());
        }
        appendNamed(out, "out", rows.stream().filter(r -> Intermediates.OUTPUTS.contains(r.name())).toList(), jump);
        out.append(jump.map(LayerTable::describe).orElse(String.format(Locale.ROOT, "no jump: no op's error is "
                + "%.0fx what flowed into it and above %s%n", LayerLocalisation.JUMP_FACTOR,
                Numbers.short3(LayerLocalisation.MIN_JUMP))));
        return out.toString();
    }

    private static String describe(Row r) {
        String where = (r.layer() >= 0 ? "layer " + r.layer() + " " : "") + r.op();
        if (r.relativeError() == Double.POSITIVE_INFINITY) {
            return "first jump (" + JUMP_MARK + "): " + where + ": the two sides' tensors differ in length"
                    + System.lineSeparator();
        }
        double base = Math.max(r.inflow(), r.expected());
        String against = base == 0 ? "where every earlier op agreed exactly"
                : Numbers.short3(r.relativeError() / base) + "x the largest error before it ("
                + Numbers.short3(r.inflow()) + ")" + (r.expected() > 0
                ? " and the " + Numbers.short3(r.expected()) + " the weights alone explain" : "");
        return "first jump (" + JUMP_MARK + "): " + where + ", relative error " + Numbers.short3(r.relativeError())
                + ", " + against + System.lineSeparator();
    }

    private static void appendNamed(StringBuilder out, String label, List<Row> rows, Optional<Row> jump) {
        if (rows.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%-6s", label));
        for (Row r : rows) {
            out.append(' ').append(r.name()).append(' ').append(cell(r, jump));
        }
        out.append(System.lineSeparator());
    }

    private static String cell(Row r, Optional<Row> jump) {
        String value = r.relativeError() == Double.POSITIVE_INFINITY ? "shape" : Numbers.sci(r.relativeError());
        return jump.filter(j -> j == r).isPresent() ? value + JUMP_MARK : value;
    }
}
