package dev.logitparity;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.models.Architecture;
import dev.logitparity.models.ModelCatalog;
import dev.logitparity.models.ModelGenerator;
import dev.logitparity.models.ModelSpec;

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

    /** {@code models/<arch>-<type>.gguf}, e.g. {@code path("qwen2", "q8_0")}. */
    public static Path path(String arch, String type) {
        ModelSpec spec = ModelCatalog.small(Architecture.parse(arch), GgmlType.valueOf(type.toUpperCase()),
                ModelCatalog.DEFAULT_SEED);
        return ensure(spec);
    }

    /** Every small model: each architecture in F32, F16 and Q8_0. */
    public static List<Path> all() {
        return ModelCatalog.smallModels(ModelCatalog.DEFAULT_SEED).stream().map(TestModels::ensure).toList();
    }

    private static Path ensure(ModelSpec spec) {
        return new ModelGenerator(VOCABS).ensure(spec, DIR);
    }
}
