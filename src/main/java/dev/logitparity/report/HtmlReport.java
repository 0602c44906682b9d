package dev.logitparity.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.OneSidedStep;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.TextReport;
import dev.logitparity.files.AtomicFile;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * One comparison as a single self-contained HTML file, for attaching to a CI run: the verdict and its reason, the
 * per-step charts (both sides' margins, max |Δlogprob| against the band, KL against its band, the first divergence
 * and the first out-of-band step marked), the step table with both sides' top tokens as pieces, and the text report.
 * Script, style and data are inline (the data as JSON in a {@code <script type="application/json">}, drawn as SVG by
 * the inline script): the page loads nothing from anywhere.
 */
public final class HtmlReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /**
     * @param extra further facts for the header, in order, e.g. the arbiter's finding: name → text
     */
    public static Path write(DivergenceReport report, StepSeries series, IntFunction<String> pieces, String title,
                             Map<String, String> extra, Path html) throws IOException {
        ObjectNode data = JSON.createObjectNode();
        data.put("title", title);
        ObjectNode body = JSON.valueToTree(report.summary());
        body.set("steps", JSON.valueToTree(report.steps()));
        data.set("report", body);
        data.set("series", seriesNode(series));
        data.set("pieces", JSON.valueToTree(pieces(report, series, pieces)));
        ArrayNode facts = data.putArray("extra");
        NoiseFloor floor = report.summary().floor();
        if (floor != null) {
            facts.addArray().add("noise floor").add(String.format(Locale.ROOT,
                    "%.3g nats, KL %.3g (%s)", floor.floor().logprob(), floor.floor().kl(), floor.source()));
        }
        extra.forEach((name, text) -> facts.addArray().add(name).add(text));
        data.put("text", TextReport.render(report, pieces));
        String page = Template.PAGE.replace("@TITLE@", escape(title))
                .replace("@SCRIPT@", Template.SCRIPT)
                .replace("@DATA@", scriptSafe(JSON.writeValueAsString(data)));
        return AtomicFile.write(html, temp -> Files.writeString(temp, page, StandardCharsets.UTF_8));
    }

    private static ObjectNode seriesNode(StepSeries s) {
        ObjectNode node = JSON.createObjectNode();
        node.set("steps", JSON.valueToTree(s.steps()));
        node.put("twoSided", s.twoSided());
        node.set("tops", JSON.valueToTree(s.tops()));
        line(node, "marginA", "A's margin (top-1 − top-2)", ChartWriter.MARGIN_A, s.marginA());
        line(node, "marginB", "B's margin (top-1 − top-2)", ChartWriter.MARGIN_B, s.marginB());
        line(node, "disagreement", s.twoSided() ? "max |Δlogprob|" : "A's margin over B's token",
                ChartWriter.DISAGREEMENT, s.disagreement());
        line(node, "band", "band (max |Δlogprob| allowed)", ChartWriter.BAND, s.twoSided() ? s.band() : nulls(s));
        line(node, "kl", "KL(A‖B)", new Color(0x9467bd), s.kl());
        line(node, "klBand", "band (KL allowed)", ChartWriter.BAND, s.klBand());
        return node;
    }

    private static List<Double> nulls(StepSeries s) {
        return s.steps().stream().map(step -> (Double) null).toList();
    }

    private static void line(ObjectNode node, String key, String label, Color color, List<Double> values) {
        ObjectNode line = node.putObject(key);
        line.put("label", label);
        line.put("color", String.format("#%06x", color.getRGB() & 0xffffff));
        ArrayNode array = line.putArray("values");
        // JSON has no NaN or infinity: a non-finite value is a gap in the line
        values.forEach(v -> {
            if (v == null || !Double.isFinite(v)) {
                array.addNull();
            } else {
                array.add(v);
            }
        });
    }

    /** Every token the page shows, by id. */
    private static Map<Integer, String> pieces(DivergenceReport report, StepSeries series, IntFunction<String> pieces) {
        Map<Integer, String> shown = new TreeMap<>();
        for (StepComparison step : report.steps()) {
            shown.computeIfAbsent(step.argmaxA(), pieces::apply);
            int b = switch (step) {
                case StepMetrics m -> m.argmaxB();
                case OneSidedStep o -> o.tokenB();
            };
            shown.computeIfAbsent(b, pieces::apply);
        }
        for (StepSeries.Tops tops : series.tops()) {
            for (int id : tops.idsA()) {
                shown.computeIfAbsent(id, pieces::apply);
            }
            for (int id : tops.idsB()) {
                shown.computeIfAbsent(id, pieces::apply);
            }
        }
        return shown;
    }

    /** JSON inside a script element: "</script>" or "<!--" in a piece must not end or comment out the element. */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The page and its script, read once from the jar. */
    static final class Template {
        static final String PAGE = read("report.html");
        static final String SCRIPT = read("report.js");

        private static String read(String name) {
            try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
