package dev.logitparity.report;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.files.AtomicFile;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A PNG per comparison, per step in nats: both sides' winning margins (top-1 minus top-2: how near a tie the step
 * is), the disagreement (max |Δlogprob| two-sided, llama.cpp's margin over the other's token one-sided) and the band
 * it is judged by (dashed: where the disagreement crosses it the step is out of band), with the first divergence and
 * the first out-of-band step marked. Titled "A vs B: VERDICT", the two sides named as the report names them.
 */
public final class ChartWriter {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 480;
    static final Color MARGIN_A = new Color(0x1f77b4);
    static final Color MARGIN_B = new Color(0xff7f0e);
    static final Color DISAGREEMENT = new Color(0xd62728);
    static final Color BAND = new Color(0x2ca02c);

    private ChartWriter() {
    }

    /** The chart's title for {@code report}: its two sides and its verdict. */
    public static String title(DivergenceReport report) {
        return report.summary().sourceA() + " vs " + report.summary().sourceB() + ": " + report.summary().verdict();
    }

    public static Path write(DivergenceReport report, StepSeries series, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("A's margin (top-1 − top-2)", series.steps(), series.marginA()));
        if (series.marginB().stream().anyMatch(v -> v != null)) {
            data.addSeries(series("B's margin (top-1 − top-2)", series.steps(), series.marginB()));
        }
        data.addSeries(series(series.twoSided() ? "max |Δlogprob|" : "A's margin over B's token", series.steps(),
                series.disagreement()));
        if (series.twoSided()) {
            data.addSeries(series("band (max |Δlogprob| allowed)", series.steps(), series.band()));
        }
        JFreeChart chart = ChartFactory.createXYLineChart(null, "step", "nats", data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.setTitle(new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 15)));
        // the title wraps the reason onto as many lines as it needs rather than cutting it
        chart.addSubtitle(new TextTitle(report.summary().reason(), new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        // head room above the highest line for the markers' labels, which sit inside the plot
        plot.getRangeAxis().setUpperMargin(0.18);
        style(plot, data);
        int last = series.steps().isEmpty() ? 0 : series.steps().getLast();
        if (series.firstDivergent() != null) {
            plot.addDomainMarker(marker(series.firstDivergent(), "first divergence: step " + series.firstDivergent(),
                    Color.BLACK, 4, last));
        }
        if (series.firstOutOfBand() != null) {
            plot.addDomainMarker(marker(series.firstOutOfBand(), "first out of band: step " + series.firstOutOfBand(),
                    DISAGREEMENT, 20, last));
        }
        return AtomicFile.write(png, temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, WIDTH, HEIGHT));
    }

    private static void style(XYPlot plot, XYSeriesCollection data) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String key = data.getSeriesKey(i).toString();
            Color color = key.startsWith("A's margin (") ? MARGIN_A : key.startsWith("B's") ? MARGIN_B
                    : key.startsWith("band") ? BAND : DISAGREEMENT;
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesShapesVisible(i, !key.startsWith("band"));
            renderer.setSeriesStroke(i, key.startsWith("band")
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f)
                    : new BasicStroke(1.6f));
        }
        plot.setRenderer(renderer);
    }

    private static XYSeries series(String name, List<Integer> steps, List<Double> values) {
        XYSeries series = new XYSeries(name);
        for (int i = 0; i < steps.size(); i++) {
            Double v = values.get(i);
            if (v != null && Double.isFinite(v)) {
                series.add(steps.get(i).doubleValue(), v);
            }
        }
        return series;
    }

    private static ValueMarker marker(int step, String label, Color color, double fromTop, int lastStep) {
        ValueMarker marker = new ValueMarker(step, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        marker.setLabelPaint(color);
        // inside the plot, below its top edge, on the side of the line with room: never clipped by the chart's border
        boolean right = step <= lastStep * 0.6;
        marker.setLabelAnchor(right ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(right ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new RectangleInsets(fromTop, 4, 0, 4));
        return marker;
    }
}
