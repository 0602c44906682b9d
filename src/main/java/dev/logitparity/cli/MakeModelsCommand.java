package dev.logitparity.cli;

import dev.logitparity.BadInputException;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.synthetic.ModelCatalog;
import dev.logitparity.synthetic.ModelGenerator;
import dev.logitparity.synthetic.ModelSpec;
import dev.logitparity.synthetic.TypeTwin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code make-models}: writes the generated test models. Each run rewrites the files; since generation is
 * deterministic, an unchanged seed gives unchanged bytes.
 *
 * <pre>divergence-locate make-models --vocab-dir native/llama.cpp/models --out models [--shapes small|bench|all] [--seed N]
 *                                [--twins-of models/kjv-llama-f32.gguf]...</pre>
 *
 * Exit codes: 0 written, 2 bad arguments, unusable vocab files or a failed write.
 */
@Command(name = "make-models", mixinStandardHelpOptions = true,
        description = "Writes seeded test models (gpt2, llama, qwen2 in f32, f16, q8_0) with real tokenizers to "
                + "--out DIR (required).")
final class MakeModelsCommand implements Callable<Integer>, Examples.Shown {

    enum Shapes { SMALL, BENCH, ALL }

    @Option(names = "--vocab-dir", required = true, description = "folder with llama.cpp's ggml-vocab-*.gguf")
    private Path vocabDir;

    @Mixin
    private OutOption out;

    @Option(names = "--shapes", defaultValue = "small",
            description = "small: 3 archs x 3 types (default); bench: real-model shapes; all: both")
    private Shapes shapes;

    @Option(names = "--seed", defaultValue = "" + ModelCatalog.DEFAULT_SEED, description = "weight seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--twins-of", paramLabel = "NAME-f32.gguf",
            description = "an F32 model not generated here (the trained one): also write its F16 and Q8_0 twins")
    private List<Path> twinsOf = List.of();

    @Spec
    private CommandSpec spec;

    @Override
    public List<String> examples() {
        return List.of("divergence-locate make-models --vocab-dir native/llama.cpp/models --out models "
                + "--twins-of models/kjv-llama-f32.gguf");
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(vocabDir)) {
            throw new BadInputException("--vocab-dir " + vocabDir + ": not a directory");
        }
        for (Path original : twinsOf) {
            if (!Files.isRegularFile(original)) {
                throw new BadInputException("--twins-of " + original + ": no such file");
            }
        }
        Path folder = out.required(spec);
        ModelGenerator generator = new ModelGenerator(vocabDir);
        for (ModelSpec model : specs()) {
            long start = System.nanoTime();
            report(generator.generate(model, folder), start);
        }
        for (Path original : twinsOf) {
            for (GgmlType type : List.of(GgmlType.F16, GgmlType.Q8_0)) {
                long start = System.nanoTime();
                try {
                    report(TypeTwin.write(original, type, folder), start);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException("--twins-of " + e.getMessage());
                }
            }
        }
        return CommandLine.ExitCode.OK;
    }

    private void report(Path file, long startNanos) throws IOException {
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s  %,d bytes  %.1f s", file,
                Files.size(file), (System.nanoTime() - startNanos) / 1e9));
    }

    private List<ModelSpec> specs() {
        List<ModelSpec> specs = new ArrayList<>();
        if (shapes != Shapes.BENCH) {
            specs.addAll(ModelCatalog.smallModels(seed));
        }
        if (shapes != Shapes.SMALL) {
            specs.addAll(ModelCatalog.benchShapes(seed));
        }
        return specs;
    }
}
