package dev.logitparity.judge;

/**
 * The reference engine's word on the first divergence: which side is nearer exact arithmetic at the two candidate
 * tokens. Log-probabilities in nats.
 *
 * @param step            the first divergent step
 * @param tokenA          A's choice there
 * @param tokenB          B's choice there
 * @param referenceChoice the reference's own argmax at that step
 * @param referenceMargin {@code zR[tokenA] - zR[tokenB]}: positive when the reference sides with A
 * @param distanceA       {@code |zA[a] - zR[a]| + |zA[b] - zR[b]|}: how far A is from the reference at the candidates;
 *                        when B gave a top-k list or no logits, the gap's distance {@code |(zA[a] - zA[b]) - (zR[a] -
 *                        zR[b])|} instead, the only measure a renormalised top-k row shares
 * @param distanceB       likewise for B; null when B gave no logits or its top-k list lacks a candidate
 * @param nearer          "A", "B", or "tie"; with no distance for B, the side whose choice the reference prefers
 * @param basis           what decided {@code nearer}, in words (why B has no distance, when it has none)
 */
public record Arbitration(int step, int tokenA, int tokenB, int referenceChoice, double referenceMargin,
                          double distanceA, Double distanceB, String nearer, String basis) {
}
