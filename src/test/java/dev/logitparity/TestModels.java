package dev.logitparity;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.synthetic.Architecture;
import dev.logitparity.synthetic.ModelCatalog;
import dev.logitparity.synthetic.ModelGenerator;
import dev.logitparity.synthetic.ModelSpec;
import dev.logitparity.synthetic.TypeTwin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The generated test models, written on first use into {@code models/} (what {@code make models} writes), so a test
 * run needs no separate step.
 */
public final class TestModels {

    private static final Path DIR = Path.of(System.getProperty("logitparity.models", "models"));
    private static final Path VOCABS = Path.of(System.getProperty("logitparity.llama.src", "native/llama.cpp"))
            .resolve("models");

    private TestModels() {
    }

    /**
     * {@code models/<model>-<type>.gguf}, e.g. {@code path("qwen2", "q8_0")}: {@code model} is an architecture for a
     * generated model, or {@link ModelCatalog#TRAINED_LLAMA} for the trained one, whose twins are made from the
     * committed F32 original when missing.
     */
    public static Path path(String model, String type) {
        GgmlType ggmlType = GgmlType.valueOf(type.toUpperCase());
        if (model.equals(ModelCatalog.TRAINED_LLAMA)) {
            return trained(ggmlType);
        }
        return ensure(ModelCatalog.small(Architecture.parse(model), ggmlType, ModelCatalog.DEFAULT_SEED));
    }

    private static Path trained(GgmlType type) {
        Path original = DIR.resolve(ModelCatalog.TRAINED_LLAMA + "-f32.gguf");
        Path file = DIR.resolve(ModelCatalog.TRAINED_LLAMA + "-" + type.lowerName() + ".gguf");
        if (type == GgmlType.F32 || Files.isRegularFile(file)) {
            return file;
        }
        try {
            return TypeTwin.write(original, type, DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every small model: each architecture in F32, F16 and Q8_0. */
    public static List<Path> all() {
        return ModelCatalog.smallModels(ModelCatalog.DEFAULT_SEED).stream().map(TestModels::ensure).toList();
    }

    private static Path ensure(ModelSpec spec) {
        return new ModelGenerator(VOCABS).ensure(spec, DIR);
    }
}
