package dev.logitparity.judge;

import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.Vocab;
import dev.logitparity.tokenization.TokenText;

/** A loaded model's tokenizer and its GGUF's special ids and chat template, for a tokenization diagnosis. */
record ModelTokenText(Vocab vocab, int bos, int eos, boolean hasChatTemplate) implements TokenText {

    static ModelTokenText of(LlamaModel model) {
        return new ModelTokenText(model.vocab(), id(model, "tokenizer.ggml.bos_token_id"),
                id(model, "tokenizer.ggml.eos_token_id"), model.metadata("tokenizer.chat_template").isPresent());
    }

    private static int id(LlamaModel model, String key) {
        return model.metadata(key).map(Integer::parseInt).orElse(-1);
    }

    @Override
    public String piece(int id) {
        return id >= 0 && id < vocab.size() ? vocab.piece(id) : "<id " + id + " outside vocab>";
    }

    /** A control token has a spelling but no text: detokenizing leaves it out. */
    @Override
    public boolean isControl(int id) {
        return id >= 0 && id < vocab.size() && vocab.detokenize(new int[]{id}).isEmpty() && !vocab.piece(id).isEmpty();
    }

    @Override
    public String text(int[] ids) {
        return vocab.detokenize(ids);
    }
}
