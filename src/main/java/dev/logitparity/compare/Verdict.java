package dev.logitparity.compare;

/**
 * What a comparison concludes, decided in this order of precedence (the first that applies wins; "same-context" steps
 * are those before the two sides were fed different tokens):
 * <ol>
 *   <li>{@link #TOKENIZATION}: the prompt ids differ, so no step compares the same context.</li>
 *   <li>{@link #LOGIT_MISMATCH}: step 0 is outside the band.</li>
 *   <li>{@link #DRIFT} or {@link #LOGIT_MISMATCH}: a later same-context step is outside the band; {@code DRIFT} when
 *       the error grows with position (see {@link #DRIFT}), otherwise a mismatch. A band violation outranks a flip
 *       and an early stop because it is what caused them, and a flip after the error left the band is not noise.</li>
 *   <li>{@link #EARLY_STOP}: the first argmax divergence is one side choosing an end-of-generation token.</li>
 *   <li>{@link #NEAR_TIE_FLIP} or {@link #LOGIT_MISMATCH}: the first argmax divergence, every same-context step being
 *       within the band: a near tie when the winning margin on at least one side is within the band's near-tie
 *       margin, otherwise a mismatch.</li>
 *   <li>{@link #EARLY_STOP}: one side has more steps than the other.</li>
 *   <li>{@link #IDENTICAL}.</li>
 * </ol>
 * When B gave only tokens there is no band to check: a step counts as outside it only when A's logits are not finite,
 * and the near-tie test uses A's margin for its own choice over B's token.
 */
public enum Verdict {
    /** Same prompt, the same greedy choice at every same-context step, every such step bitwise equal or within the
     *  band, and the same length. (Traces teacher-forced on different sequences stop being same-context where their
     *  fed tokens part; a note says so.) */
    IDENTICAL,
    /** The two sides tokenised the prompt differently; the summary gives the first differing position and ids. */
    TOKENIZATION,
    /** The first divergence is a choice between two nearly tied tokens, with every step before it within the band:
     *  numerical noise. */
    NEAR_TIE_FLIP,
    /** The logits already disagree beyond the band at step 0, or a divergence or band violation that is neither a near
     *  tie nor drift: a weights or architecture bug. */
    LOGIT_MISMATCH,
    /**
     * The error starts within the band and grows with position past it: a KV-cache or positional bug. The rule: step 0
     * is within the band, the last same-context step is outside it, there are at least three same-context steps, and
     * Spearman's rank correlation between position and per-step {@code max |Δlogprob|} (non-finite steps ranked
     * highest) over them is at least 0.5. A lone spike fails the last two tests.
     */
    DRIFT,
    /** One side stops (end of generation, a stop string, a template difference) while the other goes on, with no
     *  band violation before: either the traces' lengths differ with no divergence, or the first divergence is one
     *  side choosing an end-of-generation token (when the comparator knows them). */
    EARLY_STOP
}
