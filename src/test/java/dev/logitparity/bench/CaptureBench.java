package dev.logitparity.bench;

import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.GreedySampler;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code make bench}: greedy-decode throughput with full-vocabulary logit capture against the same decode without it.
 * Three loops over the same prompt and the same tokens:
 * <ul>
 *   <li>decode only: the capture's tokens fed back, no logits read at all (the floor);</li>
 *   <li>llama.cpp's greedy sampler (what llama-completion does);</li>
 *   <li>capture: every step's logits copied out of llama and stored in the trace.</li>
 * </ul>
 * Then, given llama.cpp's own greedy loop in C ({@code src/test/c/greedy-loop.c}, built by {@code make bench}
 * against the same libraries, same settings), its rounds interleaved with capture rounds: the C loop's tok/s, the
 * capture's, and their ratio, the anchor that says what the bridge costs on this machine today.
 * Usage: {@code CaptureBench MODEL.gguf [steps] [rounds] [GREEDY_LOOP]}.
 */
public final class CaptureBench {

    private static final String PROMPT = "The capital of France is";

    public static void main(String[] args) {
        Path model = Path.of(args[0]);
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        LlamaLibrary library = LlamaLibrary.load();
        try (LlamaModel m = library.loadModel(model, ModelSettings.defaults());
             LlamaContext context = m.newContext(ContextSettings.defaults())) {
            LlamaEngine capture = new LlamaEngine(context);
            int[] prompt = m.vocab().tokenize(PROMPT);
            int[] tokens;
            try (Trace warm = capture.freeRun(PROMPT, steps, false)) {
                tokens = warm.tokens();
            }
            System.out.printf(Locale.ROOT, "model %s (%s), %d threads, cpu %s, vocab %d, %d steps x %d rounds%n",
                    model, m.description(), context.settings().threads(), library.cpuBackend(), context.vocabSize(),
                    steps, rounds);
            double floor = measure("decode only (no logits read)", rounds, steps, r -> {
                context.clearMemory();
                context.decode(prompt);
                for (int t : tokens) {
                    context.decode(new int[] {t});
                }
            });
            try (GreedySampler sampler = new GreedySampler()) {
                measure("llama greedy sampler", rounds, steps, r -> {
                    context.clearMemory();
                    context.decode(prompt);
                    for (int i = 0; i < steps; i++) {
                        context.decode(new int[] {sampler.sample(context)});
                    }
                });
            }
            double captured = measure("capture (full-vocab logits)", rounds, steps, r -> {
                try (Trace t = capture.freeRun(PROMPT, steps, false)) {
                    if (!Arrays.equals(t.tokens(), tokens)) {
                        throw new IllegalStateException("capture is not deterministic");
                    }
                }
            });
            System.out.printf(Locale.ROOT, "capture cost: %.2f %% of decode-only throughput (target <= 5 %%)%n",
                    100 * (floor - captured) / floor);
            if (args.length > 3) {
                Path lib = Path.of(System.getProperty("logitparity.lib", "native/lib"));
                List<String> command = List.of(args[3], lib.toString(), model.toString(), PROMPT,
                        Integer.toString(steps), Integer.toString(context.settings().threads()));
                againstC(command, rounds, steps, () -> close(capture.freeRun(PROMPT, steps, false)));
            }
        }
    }

    /** C round, capture round, C round, ...: a load on the machine slows both alike; medians and their ratio. */
    private static void againstC(List<String> command, int rounds, int steps, Runnable capture) {
        double[] c = new double[rounds];
        double[] java = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            c[r] = runC(command);
            long start = System.nanoTime();
            capture.run();
            java[r] = steps / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf(Locale.ROOT, "interleaved: llama.cpp C loop %s tok/s, capture %s tok/s%n",
                Rates.list(c), Rates.list(java));
        double medianC = Rates.median(c);
        double medianJava = Rates.median(java);
        System.out.printf(Locale.ROOT, "C loop %.2f tok/s, capture %.2f tok/s, capture / C = %.3f (medians)%n",
                medianC, medianJava, medianJava / medianC);
    }

    private static double runC(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.waitFor() != 0 || !out.startsWith("tok/s ")) {
                throw new IllegalStateException(String.join(" ", command) + ": exit " + process.exitValue() + ", " + out);
            }
            return Double.parseDouble(out.substring("tok/s ".length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void close(Trace trace) {
        trace.close();
    }

    /**
     * Median tokens/s over the rounds, after one untimed round (caches, page faults of the mmapped weights): one slow
     * round from the other core's load does not move the median.
     */
    private static double measure(String name, int rounds, int steps, Consumer<Integer> body) {
        body.accept(-1);
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            body.accept(r);
            rates[r] = steps / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        double median = rates[rounds / 2];
        System.out.printf(Locale.ROOT, "%-32s %8.2f tok/s (min %.2f, max %.2f)%n", name, median, rates[0],
                rates[rounds - 1]);
        return median;
    }
}
