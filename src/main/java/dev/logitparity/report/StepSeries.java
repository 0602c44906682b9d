package dev.logitparity.report;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.OneSidedStep;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the chart and the HTML report draw, per compared step, in nats: each side's winning margin (its top-1 minus
 * top-2 log-prob: how near a tie the step is), the disagreement (max |Δlogprob| two-sided; one-sided, llama.cpp's
 * margin over the other side's token), KL(A‖B), the band the step was judged by (it grows with the floor measured
 * along the run), and the steps to mark.
 *
 * @param marginB        null for each step where B gave no logits
 * @param kl             null entries for a one-sided comparison
 * @param firstDivergent the first step where the sides' choices differ in the same context, or null
 * @param firstOutOfBand the first same-context step outside the band, or null
 */
public record StepSeries(List<Integer> steps, List<Double> marginA, List<Double> marginB, List<Double> disagreement,
                         List<Double> kl, List<Double> band, List<Double> klBand, boolean twoSided,
                         Integer firstDivergent, Integer firstOutOfBand, List<Tops> tops) {

    /** Each side's top tokens at a step, best first: ids and log-probabilities (B's empty when it gave no logits). */
    public record Tops(int[] idsA, double[] logprobsA, int[] idsB, double[] logprobsB) {
    }

    public static StepSeries of(DivergenceReport report, Trace a, Trace b, int topK) {
        DivergenceReport.Summary summary = report.summary();
        IntFunction<Band> bands = NoiseFloor.stepBands(summary.band(), summary.floor());
        Logits logitsA = a.logits().orElseThrow();
        Logits logitsB = b.logits().orElse(null);
        float[] rowA = new float[logitsA.vocab()];
        float[] rowB = logitsB == null ? null : new float[logitsB.vocab()];
        List<Integer> steps = new ArrayList<>();
        List<Double> marginA = new ArrayList<>();
        List<Double> marginB = new ArrayList<>();
        List<Double> disagreement = new ArrayList<>();
        List<Double> kl = new ArrayList<>();
        List<Double> band = new ArrayList<>();
        List<Double> klBand = new ArrayList<>();
        List<Tops> tops = new ArrayList<>();
        for (StepComparison step : report.steps()) {
            int s = step.step();
            steps.add(s);
            logitsA.copyRow(s, rowA);
            int[] idsA = TopK.of(rowA, rowA.length, topK);
            double[] lpA = logprobs(rowA, idsA);
            marginA.add(idsA.length > 1 ? lpA[0] - lpA[1] : null);
            int[] idsB = new int[0];
            double[] lpB = new double[0];
            if (rowB != null && s < logitsB.steps()) {
                logitsB.copyRow(s, rowB);
                idsB = TopK.of(rowB, rowB.length, topK);
                lpB = logprobs(rowB, idsB);
            }
            marginB.add(lpB.length > 1 && Double.isFinite(lpB[1]) ? lpB[0] - lpB[1] : null);
            tops.add(new Tops(idsA, lpA, idsB, lpB));
            switch (step) {
                case StepMetrics m -> {
                    disagreement.add(m.maxAbsDelta());
                    kl.add(m.kl());
                }
                case OneSidedStep o -> {
                    disagreement.add(o.margin());
                    kl.add(null);
                }
            }
            band.add(bands.apply(s).logprob());
            klBand.add(bands.apply(s).kl());
        }
        return new StepSeries(steps, marginA, marginB, disagreement, kl, band, klBand,
                summary.mode() == DivergenceReport.Mode.TWO_SIDED,
                summary.divergence() == null ? null : summary.divergence().step(), summary.firstOutOfBand(), tops);
    }

    private static double[] logprobs(float[] row, int[] ids) {
        double lse = LogProbs.logSumExp(row, row.length);
        double[] out = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = row[ids[i]] - lse;
        }
        return out;
    }
}
