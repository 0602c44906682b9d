package dev.logitparity.gguf;

import java.nio.file.Path;

/** Where tests find llama.cpp's source tree: surefire sets {@code logitparity.llama.src}; IDE runs use the default. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path llamaSource() {
        return Path.of(System.getProperty("logitparity.llama.src", "native/llama.cpp"));
    }

    /** llama.cpp's {@code models/}, holding the tokenizer-only {@code ggml-vocab-*.gguf}. */
    public static Path vocabDir() {
        return llamaSource().resolve("models");
    }
}
