package dev.logitparity.llama;

/** libllama refused an operation on valid input (decode failure, out of memory, ...). */
public final class LlamaException extends RuntimeException {

    public LlamaException(String message) {
        super(message);
    }
}
