package dev.logitparity.logits;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The tests' own oracle for greedy order, written as a sort rather than the production loops it checks: tokens by
 * value, largest first, the lower id first on equal values ({@code -0.0 == 0.0}), NaN after every number.
 */
public final class PlainRanking {
    private PlainRanking() {
    }

    /** Every token id of {@code row}, in the order greedy decoding prefers them. */
    public static int[] greedyOrder(float[] row) {
        Comparator<Integer> preferred = (i, j) -> {
            float a = row[i];
            float b = row[j];
            boolean nanA = Float.isNaN(a);
            boolean nanB = Float.isNaN(b);
            if (nanA != nanB) {
                return nanA ? 1 : -1;
            }
            if (!nanA && a != b) {
                return a > b ? -1 : 1;
            }
            return Integer.compare(i, j);
        };
        return IntStream.range(0, row.length).boxed().sorted(preferred).mapToInt(Integer::intValue).toArray();
    }

    /** The greedy choice: the first token of {@link #greedyOrder}. */
    public static int argmax(float[] row) {
        return greedyOrder(row)[0];
    }

    /** How many tokens greedy order puts before {@code token}. */
    public static int rank(float[] row, int token) {
        int[] order = greedyOrder(row);
        return IntStream.range(0, order.length).filter(i -> order[i] == token).findFirst().orElseThrow();
    }
}
