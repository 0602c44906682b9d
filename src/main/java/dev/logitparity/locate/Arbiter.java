package dev.logitparity.locate;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.LogProbs;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.reference.ReferenceCapture;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs the pure-Java reference on the context both sides shared and says which of them is nearer to it at their
 * first divergence: the third opinion when two runtimes disagree.
 */
public final class Arbiter {

    private final Path gguf;

    public Arbiter(Path gguf) {
        this.gguf = gguf;
    }

    /** Empty when the sides never diverged. */
    public Optional<Arbitration> arbitrate(TracePair pair, DivergenceReport report) {
        StepComparison divergence = report.summary().divergence();
        if (divergence == null) {
            return Optional.empty();
        }
        int step = divergence.step();
        Trace a = pair.llama();
        // A's trace records the token fed at every step: the context both sides saw up to the divergence.
        int[] context = Arrays.copyOf(a.tokens(), step + 1);
        try (ReferenceModel model = ReferenceModel.open(gguf);
             Trace reference = new ReferenceCapture(model).teacherForced(a.info().prompt(), a.promptTokens(),
                     context)) {
            LogProbRow r = LogProbRow.of(reference.logits().orElseThrow(), step);
            LogProbRow zA = LogProbRow.of(a.logits().orElseThrow(), step);
            int ta = divergence.argmaxA();
            int tb = divergence.choiceB();
            double distanceA = r.distance(zA, ta, tb);
            Double distanceB = pair.other().logits().filter(Logits::complete)
                    .map(logits -> r.distance(LogProbRow.of(logits, step), ta, tb)).orElse(null);
            double margin = r.z(ta) - r.z(tb);
            double lead = distanceB != null ? distanceB - distanceA : margin;
            String nearer = lead > 0 ? "A" : lead < 0 ? "B" : "tie";
            return Optional.of(new Arbitration(step, ta, tb, r.argmax(), margin, distanceA, distanceB, nearer));
        }
    }

    /** One step's logits with their logsumexp, read as log-probabilities in double. */
    private record LogProbRow(float[] logits, double logSum) {

        static LogProbRow of(Logits source, int step) {
            float[] row = new float[source.vocab()];
            source.copyRow(step, row);
            return new LogProbRow(row, LogProbs.logSumExp(row, row.length));
        }

        double z(int token) {
            return logits[token] - logSum;
        }

        int argmax() {
            return LogProbs.argmax(logits, logits.length);
        }

        /** How far {@code other} is from this row at the two candidates. */
        double distance(LogProbRow other, int a, int b) {
            return Math.abs(other.z(a) - z(a)) + Math.abs(other.z(b) - z(b));
        }
    }
}
