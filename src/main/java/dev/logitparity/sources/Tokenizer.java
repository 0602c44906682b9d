package dev.logitparity.sources;

/**
 * The model's tokenizer, as a reader needs it to fill in ids a source does not record. Two entry points because a
 * prompt and a continuation are tokenised differently: only the prompt gets BOS and special-token handling.
 */
public interface Tokenizer {

    /** The ids a runtime feeds for {@code text} as a whole prompt: BOS added when the model wants one. */
    int[] prompt(String text);

    /** The ids of {@code text} generated after a prompt: never a BOS, no special-token parsing. */
    int[] continuation(String text);
}
