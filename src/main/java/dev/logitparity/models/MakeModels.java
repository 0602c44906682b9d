package dev.logitparity.models;

import dev.logitparity.gguf.GgufFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code make models}: writes the generated test models. Each run rewrites the files; since generation is
 * deterministic, an unchanged seed gives unchanged bytes.
 *
 * <pre>MakeModels --vocab-dir native/llama.cpp/models --out models [--shapes small|bench|all] [--seed N]</pre>
 *
 * Exit codes: 0 written, 1 I/O failure while writing, 2 bad arguments or unusable vocab files.
 */
@Command(name = "make-models", mixinStandardHelpOptions = true,
        description = "Writes seeded test models (gpt2, llama, qwen2 in f32, f16, q8_0) with real tokenizers.")
public final class MakeModels implements Callable<Integer> {

    enum Shapes { SMALL, BENCH, ALL }

    @Option(names = "--vocab-dir", required = true, description = "folder with llama.cpp's ggml-vocab-*.gguf")
    private Path vocabDir;

    @Option(names = "--out", required = true, description = "output folder (created if missing)")
    private Path out;

    @Option(names = "--shapes", defaultValue = "small",
            description = "small: 3 archs x 3 types (default); bench: real-model shapes; all: both")
    private Shapes shapes;

    @Option(names = "--seed", defaultValue = "" + ModelCatalog.DEFAULT_SEED, description = "weight seed (default ${DEFAULT-VALUE})")
    private long seed;

    private PrintWriter stdout;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs with the given streams; returns the exit code. */
    public static int run(PrintWriter stdout, PrintWriter stderr, String... args) {
        MakeModels command = new MakeModels();
        command.stdout = stdout;
        CommandLine cli = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(stdout)
                .setErr(stderr);
        cli.setParameterExceptionHandler((e, a) -> fail(stderr, e.getMessage(), CommandLine.ExitCode.USAGE));
        cli.setExecutionExceptionHandler((e, c, p) -> fail(stderr, e.getMessage(),
                e instanceof GgufFormatException || e instanceof IllegalArgumentException ? CommandLine.ExitCode.USAGE
                        : CommandLine.ExitCode.SOFTWARE));
        return cli.execute(args);
    }

    private static int fail(PrintWriter stderr, String message, int code) {
        stderr.println("make-models: " + String.valueOf(message).replaceAll("\\s*\\R\\s*", " "));
        return code;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(vocabDir)) {
            throw new IllegalArgumentException("--vocab-dir " + vocabDir + " is not a directory");
        }
        ModelGenerator generator = new ModelGenerator(vocabDir);
        for (ModelSpec spec : specs()) {
            long start = System.nanoTime();
            Path file = generator.generate(spec, out);
            stdout.println(String.format(Locale.ROOT, "%s  %,d bytes  %.1f s", file, Files.size(file),
                    (System.nanoTime() - start) / 1e9));
        }
        return CommandLine.ExitCode.OK;
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
