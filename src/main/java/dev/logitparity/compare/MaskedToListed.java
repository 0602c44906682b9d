package dev.logitparity.compare;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.trace.Logits;

/**
 * A's logits seen through the tokens a top-k source (B) listed: every token B did not list reads as -Infinity, except
 * A's own choice. Both sides then mask the same unlisted tokens, so the metrics cover the listed ones (log-probs
 * renormalised within them); A's choice is kept because B not listing it is itself the disagreement to report.
 */
final class MaskedToListed implements Logits {

    private final Logits a;
    private final Logits listed;
    private final float[] listedRow;

    MaskedToListed(Logits a, Logits listed) {
        this.a = a;
        this.listed = listed;
        this.listedRow = new float[listed.vocab()];
    }

    @Override
    public int steps() {
        return a.steps();
    }

    @Override
    public int vocab() {
        return a.vocab();
    }

    @Override
    public void copyRow(int step, float[] dst) {
        a.copyRow(step, dst);
        int choice = LogProbs.argmax(dst, a.vocab());
        listed.copyRow(step, listedRow);
        for (int token = 0; token < a.vocab(); token++) {
            if (listedRow[token] == Float.NEGATIVE_INFINITY && token != choice) {
                dst[token] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    @Override
    public float get(int step, int token) {
        float[] row = new float[a.vocab()];
        copyRow(step, row);
        return row[token];
    }
}
