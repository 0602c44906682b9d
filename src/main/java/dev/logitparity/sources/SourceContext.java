package dev.logitparity.sources;

import java.nio.file.Path;

/**
 * What a reader may need from the model and the user, because the source file does not record it.
 *
 * @param tokenizer the model's tokenizer; null when none is at hand (sources that need one then fail clearly)
 * @param vocab     the model's vocabulary size; null when unknown
 * @param prompt    the prompt text the user gave; null when not given
 */
public record SourceContext(Tokenizer tokenizer, Integer vocab, String prompt) {

    public SourceContext {
        if (vocab != null && vocab < 1) {
            throw new IllegalArgumentException("vocab must be positive, got " + vocab);
        }
    }

    /** Nothing known beyond the file itself. */
    public static SourceContext none() {
        return new SourceContext(null, null, null);
    }

    public SourceContext withTokenizer(Tokenizer tokenizer) {
        return new SourceContext(tokenizer, vocab, prompt);
    }

    public SourceContext withVocab(int vocab) {
        return new SourceContext(tokenizer, vocab, prompt);
    }

    public SourceContext withPrompt(String prompt) {
        return new SourceContext(tokenizer, vocab, prompt);
    }

    /** The tokenizer, or a clear error naming {@code file} and what the tokenizer was wanted for. */
    Tokenizer requireTokenizer(Path file, String purpose) {
        if (tokenizer == null) {
            throw new SourceFormatException(file, "the model's tokenizer is needed to " + purpose);
        }
        return tokenizer;
    }
}
