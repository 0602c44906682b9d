package dev.logitparity;

/**
 * Input the user gave us is unusable (missing file, corrupt GGUF, empty prompt, ...). The message is one line that
 * names the input and the problem; the CLI prints it as is and exits with status 2.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code value}, or a one-line error naming {@code name} when it is below 1 (steps, top-k, threads, ...). */
    public static int requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new BadInputException(name + " must be at least 1, got " + value);
        }
        return value;
    }
}
