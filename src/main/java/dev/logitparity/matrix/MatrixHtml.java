package dev.logitparity.matrix;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The matrix as one self-contained HTML page (inline style, no script, nothing loaded): the pass count against the
 * threshold, then one row per cell with both outputs, match?, first divergence, margin, epsilon and verdict, linking
 * to the cell's own HTML report and chart.
 */
final class MatrixHtml {

    private MatrixHtml() {
    }

    /**
     * @param link a file named relative to the matrix output folder, as the page must link to it (the page may be
     *             written elsewhere)
     */
    static String render(MatrixReport report, UnaryOperator<String> link) {
        StringBuilder rows = new StringBuilder();
        for (MatrixCell c : report.cells()) {
            String status = !c.ran() ? (c.skipped() != null ? "skipped" : "failed") : c.match() ? "yes" : "no";
            rows.append("<tr class=\"").append(c.ran() ? (c.match() ? "pass" : "fail") : "not-run").append("\">")
                    .append(td(c.model())).append(td(c.prompt()));
            if (!c.ran()) {
                rows.append("<td colspan=\"2\"></td>").append(td(status))
                        .append("<td colspan=\"5\">").append(escape(c.skipped() != null ? c.skipped() : c.failed()))
                        .append("</td></tr>\n");
                continue;
            }
            rows.append("<td class=\"text\">").append(escape(c.textA())).append("</td>")
                    .append("<td class=\"text\">").append(escape(c.textB())).append("</td>")
                    .append(td(status))
                    .append(td(c.firstDivergentStep() == null ? "none" : "step " + c.firstDivergentStep()))
                    .append(td(number(c.margin()))).append(td(number(c.epsilon())))
                    .append("<td><b>").append(escape(c.verdict())).append("</b>: ").append(escape(c.cause()))
                    .append("</td><td>")
                    .append(c.details() == null ? "" : "<a class=\"details\" href=\"" + escape(link.apply(c.details()))
                            + "\">details</a> ")
                    .append(c.chart() == null ? "" : "<a href=\"" + escape(link.apply(c.chart())) + "\">chart</a>")
                    .append("</td></tr>\n");
        }
        String summary = String.format(Locale.ROOT, "%d/%d passed (%d skipped, %d failed), required %s: %s",
                report.passed(), report.total(), report.skipped(), report.failed(), report.required(),
                report.meetsThreshold() ? "met" : "NOT met");
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="generator" content="logit-parity">
                <title>logit-parity matrix</title>
                <style>
                  body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1400px; padding: 0 16px; color: #222; }
                  h1 { font-size: 20px; } .summary { font-size: 16px; font-weight: 700; }
                  .met { color: #2e7d32; } .not-met { color: #c62828; }
                  table { border-collapse: collapse; width: 100%%; font-size: 13px; }
                  th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 6px; text-align: left; vertical-align: top; }
                  th { background: #f4f4f4; }
                  td.text { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; max-width: 260px; }
                  tr.pass td:nth-child(5) { color: #2e7d32; font-weight: 700; }
                  tr.fail td:nth-child(5) { color: #c62828; font-weight: 700; }
                  tr.not-run { color: #888; }
                </style>
                </head>
                <body>
                <h1>logit-parity: the parity matrix</h1>
                <p class="summary %s" id="summary">%s</p>
                <table id="cells">
                <thead><tr><th>model</th><th>prompt</th><th>llama.cpp</th><th>other</th><th>match?</th><th>first divergence</th><th>margin</th><th>epsilon</th><th>verdict: cause</th><th>details</th></tr></thead>
                <tbody>
                %s</tbody>
                </table>
                </body>
                </html>
                """.formatted(report.meetsThreshold() ? "met" : "not-met", escape(summary), rows);
    }

    private static String td(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.4g", value);
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
