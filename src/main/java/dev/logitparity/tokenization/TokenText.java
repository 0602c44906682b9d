package dev.logitparity.tokenization;

/** What a tokenization diagnosis needs to read ids: the model's tokenizer (llama.cpp's, i.e. the GGUF's own). */
public interface TokenText {

    /** The token's piece as a report shows it, special tokens spelled (e.g. {@code <|im_start|>}). */
    String piece(int id);

    /** Whether the token is a control token (BOS, EOS, {@code <|im_start|>}, ...), not text. */
    boolean isControl(int id);

    /** The text the ids spell, control tokens left out. */
    String text(int[] ids);

    /** The GGUF's {@code tokenizer.ggml.bos_token_id}, or -1. */
    int bos();

    /** The GGUF's {@code tokenizer.ggml.eos_token_id}, or -1. */
    int eos();

    /** Whether the GGUF has a {@code tokenizer.chat_template}. */
    boolean hasChatTemplate();
}
