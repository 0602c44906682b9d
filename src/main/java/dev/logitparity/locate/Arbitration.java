package dev.logitparity.locate;

/**
 * The reference engine's word on the first divergence: which side is nearer exact arithmetic at the two candidate
 * tokens. Log-probabilities in nats.
 *
 * @param step            the first divergent step
 * @param tokenA          A's choice there
 * @param tokenB          B's choice there
 * @param referenceChoice the reference's own argmax at that step
 * @param referenceMargin {@code zR[tokenA] - zR[tokenB]}: positive when the reference sides with A
 * @param distanceA       {@code |zA[a] - zR[a]| + |zA[b] - zR[b]|}: how far A is from the reference at the candidates
 * @param distanceB       likewise for B; null when B gave no logits
 * @param nearer          "A", "B", or "tie"; with B's logits missing, the side whose choice the reference prefers
 */
public record Arbitration(int step, int tokenA, int tokenB, int referenceChoice, double referenceMargin,
                          double distanceA, Double distanceB, String nearer) {
}
