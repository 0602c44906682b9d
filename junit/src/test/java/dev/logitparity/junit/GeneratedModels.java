package dev.logitparity.junit;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.models.Architecture;
import dev.logitparity.models.ModelCatalog;
import dev.logitparity.models.ModelGenerator;
import dev.logitparity.models.ModelSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The parent checkout's generated test models ({@code make models}), written on first use. */
final class GeneratedModels {
    static final Path DIR = Path.of(System.getProperty("logitparity.models", "../models"));
    private static final Path VOCABS = Path.of(System.getProperty("logitparity.llama.src", "../native/llama.cpp"))
            .resolve("models");

    private GeneratedModels() {
    }

    /** {@code <models>/<arch>-<type>.gguf}, e.g. {@code qwen2-f32.gguf}. */
    static synchronized Path path(Architecture arch, GgmlType type) {
        ModelSpec spec = ModelCatalog.small(arch, type, ModelCatalog.DEFAULT_SEED);
        Path file = DIR.resolve(spec.fileName());
        if (!Files.isRegularFile(file)) {
            try {
                new ModelGenerator(VOCABS).generate(spec, DIR);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot generate " + file, e);
            }
        }
        return file;
    }
}
