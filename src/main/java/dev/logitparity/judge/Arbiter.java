package dev.logitparity.judge;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.reference.ReferenceEngine;
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
             Trace reference = new GreedyRecorder(new ReferenceEngine(model)).teacherForced(a.info().prompt(), a.promptTokens(),
                     context)) {
            LogProbRow r = LogProbRow.of(reference.logits().orElseThrow(), step);
            LogProbRow zA = LogProbRow.of(a.logits().orElseThrow(), step);
            int ta = divergence.argmaxA();
            int tb = divergence.choiceB();
            double margin = r.z(ta) - r.z(tb);
            return Optional.of(judge(pair.other().logits(), step, r, zA, ta, tb, margin));
        }
    }

    /**
     * Full logits from B: each side's distance from the reference at the two candidates. A top-k B listing both: the
     * distance of each side's gap between them (a top-k row's log-probabilities are renormalised over what it lists, so
     * only differences within the row mean anything). Otherwise no distance for B, and the side whose choice the
     * reference prefers is the nearer, with the basis saying why.
     */
    private static Arbitration judge(Optional<Logits> logitsB, int step, LogProbRow r, LogProbRow zA, int ta, int tb,
                                     double margin) {
        if (logitsB.isPresent() && logitsB.get().complete()) {
            double distanceA = r.distance(zA, ta, tb);
            double distanceB = r.distance(LogProbRow.of(logitsB.get(), step), ta, tb);
            return arbitration(step, ta, tb, r, margin, distanceA, distanceB, distanceB - distanceA,
                    "distance from the reference's log-probabilities at the two candidates");
        }
        if (logitsB.isEmpty()) {
            return arbitration(step, ta, tb, r, margin, r.distance(zA, ta, tb), null, margin,
                    "the reference's preference: B gave no logits");
        }
        double gapDistanceA = r.gapDistance(zA, ta, tb);
        LogProbRow zB = LogProbRow.of(logitsB.get(), step);
        Integer missing = zB.logits[ta] == Float.NEGATIVE_INFINITY ? Integer.valueOf(ta)
                : zB.logits[tb] == Float.NEGATIVE_INFINITY ? Integer.valueOf(tb) : null;
        if (missing == null) {
            double gapDistanceB = r.gapDistance(zB, ta, tb);
            return arbitration(step, ta, tb, r, margin, gapDistanceA, gapDistanceB, gapDistanceB - gapDistanceA,
                    "distance from the reference's gap between the two candidates (B listed only its top-k)");
        }
        return arbitration(step, ta, tb, r, margin, gapDistanceA, null, margin,
                "the reference's preference: token " + missing + " is not in B's top-k list, so B's distance is "
                        + "unknown");
    }

    private static Arbitration arbitration(int step, int ta, int tb, LogProbRow r, double margin, double distanceA,
                                           Double distanceB, double lead, String basis) {
        String nearer = lead > 0 ? "A" : lead < 0 ? "B" : "tie";
        return new Arbitration(step, ta, tb, r.argmax(), margin, distanceA, distanceB, nearer, basis);
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

        /** How far {@code other}'s gap between the two candidates is from this row's. */
        double gapDistance(LogProbRow other, int a, int b) {
            return Math.abs((other.logits[a] - (double) other.logits[b]) - (logits[a] - (double) logits[b]));
        }

        /** How far {@code other} is from this row at the two candidates. */
        double distance(LogProbRow other, int a, int b) {
            return Math.abs(other.z(a) - z(a)) + Math.abs(other.z(b) - z(b));
        }
    }
}
