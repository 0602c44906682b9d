package dev.logitparity.junit;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.synthetic.Architecture;
import dev.logitparity.synthetic.ModelCatalog;
import dev.logitparity.synthetic.ModelGenerator;

import java.nio.file.Path;

/** The parent checkout's generated test models ({@code make models}), written on first use. */
final class GeneratedModels {
    static final Path DIR = Path.of(System.getProperty("logitparity.models", "../models"));
    private static final Path VOCABS = Path.of(System.getProperty("logitparity.llama.src", "../native/llama.cpp"))
            .resolve("models");

    private GeneratedModels() {
    }

    /** {@code <models>/<arch>-<type>.gguf}, e.g. {@code qwen2-f32.gguf}. */
    static Path path(Architecture arch, GgmlType type) {
        return new ModelGenerator(VOCABS).ensure(ModelCatalog.small(arch, type, ModelCatalog.DEFAULT_SEED), DIR);
    }
}
