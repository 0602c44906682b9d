package dev.logitparity.compare;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.trace.Logits;

import java.util.Map;
import java.util.TreeMap;

/**
 * The steps where a top-k source (B) does not list A's greedy choice at all. B gave no value for it, which reads as
 * -Infinity: that is not a non-finite logit of B's but the plainest disagreement a top-k list can show (B ranks A's
 * choice below its k-th token), and the report says it in those words.
 */
final class UnlistedChoices {
    private static final UnlistedChoices NONE = new UnlistedChoices(Map.of());

    private final Map<Integer, Integer> choiceAt;

    private UnlistedChoices(Map<Integer, Integer> choiceAt) {
        this.choiceAt = choiceAt;
    }

    static UnlistedChoices none() {
        return NONE;
    }

    /** The steps among the first {@code steps} where {@code listed} (a top-k B) lacks A's argmax. */
    static UnlistedChoices find(Logits a, Logits listed, int steps) {
        Map<Integer, Integer> found = new TreeMap<>();
        float[] row = new float[a.vocab()];
        for (int step = 0; step < steps; step++) {
            a.copyRow(step, row);
            int choice = LogProbs.argmax(row, row.length);
            if (listed.get(step, choice) == Float.NEGATIVE_INFINITY) {
                found.put(step, choice);
            }
        }
        return new UnlistedChoices(found);
    }

    /** A's choice at {@code step} when B does not list it, else null. */
    Integer at(int step) {
        return choiceAt.get(step);
    }

    int count() {
        return choiceAt.size();
    }

    /** The one-line phrase for {@code step}, which must be one of these. */
    String describe(int step) {
        return "A's choice " + at(step) + " is not in B's top-k list (B ranks it below every token it listed)";
    }

    String stepsText() {
        return choiceAt.keySet().toString();
    }
}
