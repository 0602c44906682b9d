package dev.logitparity.bench;

import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Figures for the reference engine: a free-run of {@code steps} tokens after a 6-token prompt, timed from the first
 * prompt token to the last logits row (JIT warm-up included: this is what one capture costs), on each given model
 * (default: the benchmark shapes that exist under {@code models/}, written by {@code make bench-models}).
 * Usage: {@code ReferenceBench [steps] [MODEL.gguf ...]}.
 */
public final class ReferenceBench {

    /** llama-spm's ids for "The capital of France is"; another vocabulary reads other tokens at the same cost. */
    private static final int[] PROMPT = {1, 450, 7483, 310, 3444, 338};
    private static final List<String> SHAPES = List.of("smollm-135m-shape-q8_0.gguf", "gpt2-124m-shape-q8_0.gguf",
            "qwen2-0.5b-shape-q8_0.gguf");

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        List<Path> models = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            models.add(Path.of(args[i]));
        }
        if (models.isEmpty()) {
            Path dir = Path.of(System.getProperty("logitparity.models", "models"));
            SHAPES.stream().map(dir::resolve).filter(Files::isRegularFile).forEach(models::add);
        }
        System.out.printf(Locale.ROOT, "reference engine, %d processors, prompt %d tokens, %d steps%n",
                Runtime.getRuntime().availableProcessors(), PROMPT.length, steps);
        for (Path model : models) {
            try (ReferenceModel reference = ReferenceModel.open(model)) {
                reference.sha256(); // the trace records it; hashing the file is not decoding
                long start = System.nanoTime();
                try (Trace trace = new GreedyRecorder(new ReferenceEngine(reference)).freeRun(null, PROMPT, steps, false)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf(Locale.ROOT, "%-32s %-6s %7.2f s  %6.2f tok/s (%d steps, vocab %d)%n",
                            model.getFileName(), reference.architecture().ggufName(), seconds, trace.steps() / seconds,
                            trace.steps(), reference.vocabSize());
                }
            }
        }
    }
}
