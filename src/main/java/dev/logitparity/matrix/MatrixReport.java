package dev.logitparity.matrix;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The seed report's Results Matrix and what it could not say: per cell the two outputs, match?, first divergent
 * step, margin, epsilon, verdict and chart; and the pass count against the threshold.
 *
 * @param passed   cells whose two sides chose the same tokens throughout
 * @param skipped  cells whose model is absent
 * @param failed   cells whose run ended without a result (llama.cpp aborted on the model)
 * @param total    all cells, skipped and failed ones included: a case that did not run did not pass
 * @param required the threshold as given, e.g. {@code 9/12}
 * @param meetsThreshold whether {@code passed / total >= required}
 */
public record MatrixReport(List<MatrixCell> cells, int passed, int skipped, int failed, int total, String required,
                           boolean meetsThreshold) {

    public static MatrixReport of(List<MatrixCell> cells, Threshold threshold) {
        int passed = (int) cells.stream().filter(MatrixCell::match).count();
        int skipped = (int) cells.stream().filter(c -> c.skipped() != null).count();
        int failed = (int) cells.stream().filter(c -> c.failed() != null).count();
        return new MatrixReport(List.copyOf(cells), passed, skipped, failed, cells.size(), threshold.toString(),
                threshold.isMet(passed, cells.size()));
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("| model | prompt | llama.cpp | other | match? | first divergence | margin "
                + "| epsilon | verdict: cause | chart |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (MatrixCell c : cells) {
            if (!c.ran()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | | | %s | %s | | | | |%n", c.model(), c.prompt(),
                        c.skipped() != null ? "skipped" : "failed", cell(c.skipped() != null ? c.skipped() : c.failed())));
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s: %s | [png](%s) |%n",
                    c.model(), c.prompt(), cell(c.textA()), cell(c.textB()), c.match() ? "yes" : "no",
                    c.firstDivergentStep() == null ? "none" : "step " + c.firstDivergentStep(), number(c.margin()),
                    number(c.epsilon()), c.verdict(), c.cause().replace("|", "\\|").replace("\n", " "), c.chart()));
        }
        md.append(String.format(Locale.ROOT, "%n**%d/%d passed** (%d skipped, %d failed), required %s: %s%n", passed,
                total, skipped, failed, required, meetsThreshold ? "met" : "NOT met"));
        return md.toString();
    }

    /** The matrix as one self-contained HTML page; {@code link} turns a cell file's name into the page's link to it. */
    public String html(UnaryOperator<String> link) {
        return MatrixHtml.render(this, link);
    }

    private static String cell(String text) {
        return "`" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("|", "\\|").replace("`", "'") + "`";
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4g", value);
    }
}
