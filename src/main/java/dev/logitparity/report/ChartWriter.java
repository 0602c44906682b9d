package dev.logitparity.report;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.OneSidedStep;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.files.AtomicFile;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A PNG per comparison: per step, llama.cpp's winning margin (top-1 minus top-2 log-prob: how near a tie the step
 * is) and the disagreement (max |Δlogprob| two-sided, llama.cpp's margin over the other's token one-sided), with the
 * first divergence marked.
 */
public final class ChartWriter {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;

    private ChartWriter() {
    }

    public static void write(DivergenceReport report, Trace llama, String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeries margin = new XYSeries("llama.cpp top-1 − top-2 (nats)");
        Logits logits = llama.logits().orElseThrow();
        float[] row = new float[logits.vocab()];
        for (StepComparison step : report.steps()) {
            logits.copyRow(step.step(), row);
            margin.add(step.step(), topMargin(row));
        }
        boolean twoSided = report.summary().mode() == DivergenceReport.Mode.TWO_SIDED;
        XYSeries delta = new XYSeries(twoSided ? "max |Δlogprob| (nats)" : "llama.cpp's margin over B's token (nats)");
        for (StepComparison step : report.steps()) {
            delta.add(step.step(), switch (step) {
                case StepMetrics m -> m.maxAbsDelta();
                case OneSidedStep o -> o.margin();
            });
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(margin);
        data.addSeries(delta);
        JFreeChart chart = ChartFactory.createXYLineChart(title + " — " + report.summary().verdict(), "step", "nats",
                data, PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setDomainGridlinePaint(Color.LIGHT_GRAY);
        chart.getXYPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        report.firstDivergentStep().ifPresent(step -> {
            ValueMarker marker = new ValueMarker(step, Color.BLACK, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("first divergence: step " + step);
            chart.getXYPlot().addDomainMarker(marker);
        });
        AtomicFile.write(png, temp -> ChartUtils.saveChartAsPNG(temp.toFile(), chart, WIDTH, HEIGHT));
    }

    private static double topMargin(float[] row) {
        int best = LogProbs.argmax(row, row.length);
        float second = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < row.length; i++) {
            if (i != best && row[i] > second) {
                second = row[i];
            }
        }
        return (double) row[best] - second;
    }
}
