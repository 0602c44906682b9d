package dev.logitparity.compare;

/**
 * One step of a one-sided comparison: B gave only tokens, and A (teacher-forced on them) is asked how it rates B's
 * token. Non-finite logits in A's row are left out of its logsumexp and rank as -Infinity.
 *
 * @param margin         {@code zA[argmaxA] - zA[tokenB]} (>= 0): how far A's own choice is ahead of B's token
 * @param logprobArgmaxA {@code zA[argmaxA]}
 * @param logprobTokenB  {@code zA[tokenB]}
 * @param rankTokenBInA  rank of B's token in A's row (0 = A's own choice)
 * @param nonFiniteA     NaN or infinite logits in A's row
 */
public record OneSidedStep(int step, int tokenA, int tokenB, boolean contextsDiffer, int argmaxA, double margin,
                           double logprobArgmaxA, double logprobTokenB, int rankTokenBInA, int nonFiniteA)
        implements StepComparison {

    @Override
    public int choiceB() {
        return tokenB;
    }

    @Override
    public int nonFinite() {
        return nonFiniteA;
    }
}
