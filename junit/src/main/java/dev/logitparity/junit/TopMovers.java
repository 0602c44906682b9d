package dev.logitparity.junit;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The tokens whose log-probability moved most between two traces at one step: what a reader of a failure wants to see
 * first (did the whole row shift, or did a few tokens jump?). Log-probabilities are taken over each row's finite
 * values, and only tokens finite on both sides are ranked; for top-k dumps that is the tokens both list.
 */
final class TopMovers {
    static final int DEFAULT_COUNT = 5;

    /** One token at the step: its log-probability on each side. */
    record Mover(int token, double logprobA, double logprobB) {
        double delta() {
            return logprobB - logprobA;
        }
    }

    private TopMovers() {
    }

    /** At most {@code count} tokens, the largest {@code |logprobB - logprobA|} first (the lower id on ties). */
    static List<Mover> at(Trace a, Trace b, int step, int count) {
        float[] rowA = row(a, step);
        float[] rowB = row(b, step);
        int vocab = rowA.length;
        double lseA = LogProbs.logSumExp(rowA, vocab);
        double lseB = LogProbs.logSumExp(rowB, vocab);
        Mover[] kept = new Mover[count];
        int size = 0;
        Comparator<Mover> largestFirst = Comparator.comparingDouble((Mover m) -> -Math.abs(m.delta()));
        for (int token = 0; token < vocab; token++) {
            if (!Float.isFinite(rowA[token]) || !Float.isFinite(rowB[token])) {
                continue;
            }
            Mover m = new Mover(token, rowA[token] - lseA, rowB[token] - lseB);
            if (size < count) {
                kept[size++] = m;
                Arrays.sort(kept, 0, size, largestFirst);
            } else if (Math.abs(m.delta()) > Math.abs(kept[count - 1].delta())) {
                kept[count - 1] = m;
                Arrays.sort(kept, 0, size, largestFirst);
            }
        }
        return List.of(Arrays.copyOf(kept, size));
    }

    private static float[] row(Trace trace, int step) {
        Logits logits = trace.logits().orElseThrow();
        float[] row = new float[logits.vocab()];
        logits.copyRow(step, row);
        return row;
    }
}
