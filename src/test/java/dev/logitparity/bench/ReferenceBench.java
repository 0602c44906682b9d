package dev.logitparity.bench;

import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code make bench-reference}: the reference engine's greedy decode beside llama.cpp's on the same model, prompt and
 * number of threads (the available processors, both sides), in interleaved rounds so that a load on the machine
 * slows both alike; the ratio of the medians is the figure. Two modes, each timed over a whole run, prompt included,
 * after one untimed round per side (JIT, page faults of the mapped weights): a free run of {@code steps} tokens, one
 * token per step on both sides; and a replay, teacher-forced on llama.cpp's free-run tokens, which is how the judge
 * runs the reference (the noise floor, the arbiter, the layer table): llama.cpp still one token per step, as a capture
 * runs, the reference 32 positions at a time ({@code ReferenceSession.BATCH}).
 * Usage: {@code ReferenceBench [steps] [rounds] [MODEL.gguf ...]} (default: the benchmark shapes under
 * {@code models/}, written by {@code make bench-models}). The reference uses the Vector API kernel when the JVM has
 * {@code --add-modules jdk.incubator.vector}, the scalar one otherwise or with
 * {@code -Dlogitparity.reference.kernel=scalar}.
 */
public final class ReferenceBench {

    private static final String PROMPT = "The capital of France is";
    private static final List<String> SHAPES = List.of("smollm-135m-shape-q8_0.gguf", "gpt2-124m-shape-q8_0.gguf",
            "qwen2-0.5b-shape-q8_0.gguf", "qwen2-0.5b-shape-f32.gguf");

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> models = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            models.add(Path.of(args[i]));
        }
        if (models.isEmpty()) {
            Path dir = Path.of(System.getProperty("logitparity.models", "models"));
            SHAPES.stream().map(dir::resolve).filter(Files::isRegularFile).forEach(models::add);
        }
        LlamaLibrary library = LlamaLibrary.load();
        System.out.printf(Locale.ROOT, "reference engine (%s kernel) against llama.cpp (cpu %s), %d processors,"
                        + " %d steps, %d interleaved rounds, medians%n",
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                        && !"scalar".equals(System.getProperty("logitparity.reference.kernel")) ? "vector" : "scalar",
                library.cpuBackend(), Runtime.getRuntime().availableProcessors(), steps, rounds);
        for (Path model : models) {
            try (LlamaModel llama = library.loadModel(model, ModelSettings.defaults());
                 LlamaContext context = llama.newContext(ContextSettings.defaults());
                 ReferenceModel reference = ReferenceModel.open(model)) {
                LlamaEngine llamaEngine = new LlamaEngine(context);
                int[] prompt = llama.vocab().tokenize(PROMPT);
                int[] tokens;
                try (Trace free = llamaEngine.freeRun(PROMPT, steps, false)) {
                    tokens = free.tokens();
                }
                compare(model, "free run", rounds, steps,
                        () -> close(llamaEngine.freeRun(PROMPT, steps, false)),
                        () -> close(new GreedyRecorder(new ReferenceEngine(reference))
                                .freeRun(PROMPT, prompt, steps, false)));
                compare(model, "replay", rounds, steps,
                        () -> close(llamaEngine.teacherForced(PROMPT, tokens)),
                        () -> close(new GreedyRecorder(new ReferenceEngine(reference))
                                .teacherForced(PROMPT, prompt, tokens)));
            }
        }
    }

    /** One untimed round per side, then {@code rounds} interleaved timed ones; prints the medians and their ratio. */
    private static void compare(Path model, String mode, int rounds, int steps, Runnable llamaRun,
                                Runnable referenceRun) {
        llamaRun.run();
        referenceRun.run();
        double[] llamaRates = new double[rounds];
        double[] referenceRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            llamaRates[r] = steps / seconds(llamaRun);
            referenceRates[r] = steps / seconds(referenceRun);
        }
        double llamaMedian = Rates.median(llamaRates);
        double referenceMedian = Rates.median(referenceRates);
        System.out.printf(Locale.ROOT, "%-30s %-8s llama.cpp %7.2f tok/s  reference %6.2f tok/s  ratio %.3f"
                        + "  (reference rounds %s)%n", model.getFileName(), mode, llamaMedian, referenceMedian,
                referenceMedian / llamaMedian, Rates.list(referenceRates));
    }

    private static void close(Trace trace) {
        trace.close();
    }

    private static double seconds(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
