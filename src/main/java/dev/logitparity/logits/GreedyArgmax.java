package dev.logitparity.logits;

/**
 * The token a greedy runtime decodes: the index of the largest logit, the first on ties, compared exactly as
 * llama_sampler_init_greedy compares (so a NaN at index 0 is never beaten). Not {@link LogProbs#argmax}, which skips
 * NaN to report what a row says; this is what a runtime would feed next.
 */
public final class GreedyArgmax {
    private GreedyArgmax() {
    }

    public static int of(float[] logits, int vocab) {
        int best = 0;
        for (int i = 1; i < vocab; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
