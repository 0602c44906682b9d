package dev.logitparity.llama;

import dev.logitparity.llama.ffi.llama_h;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/** A model's tokenizer. Valid while its model is open. */
public final class Vocab {

    private static final int PIECE_GUESS = 32;

    private final LlamaModel model;
    private final MemorySegment handle;

    Vocab(LlamaModel model, MemorySegment handle) {
        this.model = model;
        this.handle = handle;
    }

    public int size() {
        return llama_h.llama_vocab_n_tokens(handle());
    }

    public boolean isEndOfGeneration(int token) {
        return llama_h.llama_vocab_is_eog(handle(), token);
    }

    public boolean addsBos() {
        return llama_h.llama_vocab_get_add_bos(handle());
    }

    /**
     * Tokenizes as llama.cpp's tools do for a prompt: BOS/EOS added when the model says so, special-token text
     * (e.g. {@code <|im_start|>}) parsed as the special token.
     */
    public int[] tokenize(String text) {
        return tokenize(text, true, true);
    }

    /**
     * Tokenizes text that follows a prompt (another runtime's generated text): no BOS, and special-token text stays
     * plain text, as a runtime that generated it never produced it through the parser.
     */
    public int[] tokenizeContinuation(String text) {
        return tokenize(text, false, false);
    }

    private int[] tokenize(String text, boolean addSpecial, boolean parseSpecial) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment textSeg = arena.allocate(Math.max(1, utf8.length));
            MemorySegment.copy(utf8, 0, textSeg, ValueLayout.JAVA_BYTE, 0, utf8.length);
            int capacity = utf8.length + 2;
            MemorySegment tokens = arena.allocate(ValueLayout.JAVA_INT, capacity);
            int n = llama_h.llama_tokenize(handle(), textSeg, utf8.length, tokens, capacity, addSpecial, parseSpecial);
            if (n < 0) {
                capacity = -n;
                tokens = arena.allocate(ValueLayout.JAVA_INT, capacity);
                n = llama_h.llama_tokenize(handle(), textSeg, utf8.length, tokens, capacity, addSpecial,
                        parseSpecial);
            }
            if (n < 0) {
                throw new LlamaException("llama_tokenize failed (" + n + ") on a " + utf8.length + "-byte text");
            }
            return tokens.asSlice(0, (long) n * Integer.BYTES).toArray(ValueLayout.JAVA_INT);
        }
    }

    /** The token's text as shown in reports: special tokens rendered (e.g. {@code <|endoftext|>}). */
    public String piece(int token) {
        return new String(pieceBytes(token, true), StandardCharsets.UTF_8);
    }

    /**
     * Generated text as a user reads it: pieces joined as bytes before UTF-8 decoding (a character may span tokens),
     * special tokens left out.
     */
    public String detokenize(int[] tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int token : tokens) {
            out.writeBytes(pieceBytes(token, false));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private byte[] pieceBytes(int token, boolean special) {
        MemorySegment vocab = handle();
        if (token < 0 || token >= llama_h.llama_vocab_n_tokens(vocab)) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary of " + model.path());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(PIECE_GUESS);
            int n = llama_h.llama_token_to_piece(vocab, token, buf, PIECE_GUESS, 0, special);
            if (n < 0) {
                buf = arena.allocate(-n);
                n = llama_h.llama_token_to_piece(vocab, token, buf, -n, 0, special);
            }
            return buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private MemorySegment handle() {
        model.handle();
        return handle;
    }
}
