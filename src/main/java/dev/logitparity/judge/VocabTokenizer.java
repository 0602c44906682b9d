package dev.logitparity.judge;

import dev.logitparity.llama.Vocab;
import dev.logitparity.sources.Tokenizer;

/** A model's own tokenizer, as the readers need it for sources that carry only text or no prompt ids. */
public record VocabTokenizer(Vocab vocab) implements Tokenizer {
    @Override
    public int[] prompt(String text) {
        return vocab.tokenize(text);
    }

    @Override
    public int[] continuation(String text) {
        return vocab.tokenizeContinuation(text);
    }
}
