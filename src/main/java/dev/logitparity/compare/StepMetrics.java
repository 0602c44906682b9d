package dev.logitparity.compare;

/**
 * One step of a two-sided comparison, on log-probabilities {@code z = logit - logsumexp(row)} in double. The two
 * candidates are {@code a = argmaxA} and {@code b = argmaxB}.
 *
 * <p>On a step with non-finite logits, each side's argmax is its own, over its own finite values (-1 when it has
 * none), so a NaN on one side never hides the other side's choice; every other value is over the tokens whose logits
 * are finite on both sides (a token at -Infinity on both sides is masked by both runtimes and is not counted as
 * non-finite), a margin is +Infinity where that side gives the other's choice no finite value, and the step counts as
 * outside any band. A step with no token finite on both sides has zero distances.
 *
 * @param marginA       {@code zA[a] - zA[b]} (>= 0): how far A's choice is ahead of B's in A; 0 when they agree
 * @param marginB       {@code zB[b] - zB[a]} (>= 0)
 * @param flipEpsilon   {@code |(zA[a] - zA[b]) - (zB[a] - zB[b])|}: how far the gap between the two candidates moved
 *                      (equals {@code marginA + marginB})
 * @param maxAbsDelta   {@code max |zA - zB|} over the vocabulary
 * @param meanAbsDelta  {@code mean |zA - zB|}
 * @param nmse          {@code mse(zA, zB) / var(zA)}: llama.cpp's {@code check-nmse.py} definition with A as
 *                      the reference (0 when the rows agree exactly, +Infinity when A is constant and B is not). It is
 *                      taken on log-probabilities, so a per-step shift does not count; on raw logits it equals
 *                      check-nmse.py's value when both rows have the same logsumexp. Not {@code sum (a - b)^2 / sum
 *                      a^2}, the definition of test-backend-ops and test-llama-archs, which depends on where zero is.
 * @param kl            {@code KL(A || B) = sum pA (zA - zB)}, nats
 * @param topKOverlap   {@code |topA ∩ topB| / k} for the comparison's k
 * @param rankAInB      rank of {@code a} in B's row (0 = B's own choice)
 * @param rankBInA      rank of {@code b} in A's row
 * @param nonFiniteA    NaN or infinite logits in A's row
 * @param nonFiniteB    NaN or infinite logits in B's row
 * @param bitwiseEqual  the two rows hold the same float bits
 */
public record StepMetrics(int step, int tokenA, int tokenB, boolean contextsDiffer, int argmaxA, int argmaxB,
                          double marginA, double marginB, double flipEpsilon, double maxAbsDelta,
                          double meanAbsDelta, double nmse, double kl, double topKOverlap, int rankAInB,
                          int rankBInA, int nonFiniteA, int nonFiniteB, boolean bitwiseEqual)
        implements StepComparison {

    @Override
    public int choiceB() {
        return argmaxB;
    }

    @Override
    public int nonFinite() {
        return nonFiniteA + nonFiniteB;
    }
}
