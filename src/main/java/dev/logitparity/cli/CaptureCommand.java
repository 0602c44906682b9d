package dev.logitparity.cli;

import dev.logitparity.BadInputException;
import dev.logitparity.engine.IntermediateRecorder;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.Vocab;
import dev.logitparity.logits.TopK;
import dev.logitparity.trace.Intermediates;
import dev.logitparity.trace.Trace;
import dev.logitparity.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Captures one llama.cpp greedy run as a trace folder and prints the text and each step's top tokens. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Greedy-decode MODEL on PROMPT in llama.cpp, record every step's logits, print text + top "
                + "tokens; --out DIR writes the trace folder (trace.json + logits.npy).")
final class CaptureCommand implements Callable<Integer>, Examples.Shown {

    @Parameters(index = "0", paramLabel = "MODEL", description = "GGUF model file.")
    Path model;

    @Parameters(index = "1", paramLabel = "PROMPT", description = "Prompt text (tokenized with the model's vocab).")
    String prompt;

    @Mixin
    StepsOption steps;

    @Option(names = "--force", paramLabel = "IDS", split = ",",
            description = "Teacher-force these token ids instead of taking the argmax.")
    int[] forced;

    @Option(names = "--no-stop", description = "Keep going past an end-of-generation token.")
    boolean noStop;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3", description = "Top tokens shown per step.")
    int top;

    @Option(names = "--layers-step", paramLabel = "N", description = "Also keep step N's named intermediates "
            + "(llama.cpp with an F32 KV cache and flash attention off, as --layers runs it) in --out's tensors.jsonl.")
    Integer layersStep;

    @Mixin
    OutOption out;

    @Mixin
    LlamaOptions llama;

    @Spec
    CommandSpec spec;

    @Override
    public List<String> examples() {
        return List.of("divergence-locate capture models/qwen2-f32.gguf \"The capital of France is\" --steps 16",
                "divergence-locate capture model.gguf \"Hello\" --force 15496,11,616 --out trace-dir");
    }

    @Override
    public Integer call() {
        Path folder = out.orElse(null);
        int n = forced != null ? forced.length : steps.steps(); // checked before anything is loaded
        if (layersStep != null && (folder == null || layersStep < 0 || layersStep >= n)) {
            throw new BadInputException("--layers-step " + layersStep + (folder == null ? " needs --out"
                    : " is outside the run's steps 0.." + (n - 1)));
        }
        try (LlamaModel m = llama.library().loadModel(model, llama.modelSettings());
             LlamaContext context = m.newContext(llama.contextSettings(m, m.vocab().tokenize(prompt).length + n));
             Trace trace = forced != null
                     ? new LlamaEngine(context).teacherForced(prompt, forced)
                     : new LlamaEngine(context).freeRun(prompt, n, !noStop)) {
            if (folder != null) {
                writeTrace(trace, folder, layersStep == null ? null : intermediates(m, trace));
            }
            PrintWriter stdout = spec.commandLine().getOut();
            new TracePrinter(m.vocab(), top).print(trace, stdout);
            if (folder != null) {
                stdout.println("wrote " + folder + " (trace folder: trace.json + logits.npy"
                        + (layersStep == null ? "" : " + tensors.jsonl, step " + layersStep + "'s intermediates") + ")");
            }
        }
        return 0;
    }

    private Intermediates intermediates(LlamaModel m, Trace trace) {
        if (layersStep >= trace.steps()) {
            throw new BadInputException("--layers-step " + layersStep + ": the run stopped after " + trace.steps()
                    + " steps (end of generation)");
        }
        try (LlamaContext tapped = m.newTappedContext(llama.contextSettings(m, trace.promptTokens().length
                + trace.steps()).exact())) {
            return IntermediateRecorder.atStep(new LlamaEngine(tapped), trace.promptTokens(), trace.tokens(),
                    layersStep);
        }
    }

    private void writeTrace(Trace trace, Path folder, Intermediates tensors) {
        try {
            TraceWriter.write(trace, folder, tensors, tensors == null ? -1 : layersStep);
        } catch (IOException e) {
            throw new BadInputException("--out " + folder + ": cannot write the trace: " + e);
        }
    }

    /** The human view of a trace: settings, the text, and each step's chosen token against its top-k. */
    record TracePrinter(Vocab vocab, int k) {

        void print(Trace trace, PrintWriter out) {
            var info = trace.info();
            out.println("model:    " + info.model());
            out.println("mode:     " + info.mode() + ", " + trace.steps() + " steps, prompt "
                    + trace.promptTokens().length + " tokens " + Arrays.toString(trace.promptTokens()));
            out.println("settings: " + info.settings());
            out.println("text:     " + Quoted.of(info.prompt()) + " -> " + Quoted.of(vocab.detokenize(trace.tokens())));
            out.println();
            out.printf("%4s  %7s  %-16s %9s   top-%d%n", "step", "token", "piece", "logit", k);
            trace.logits().ifPresent(logits -> {
                float[] row = new float[logits.vocab()];
                for (int step = 0; step < trace.steps(); step++) {
                    logits.copyRow(step, row);
                    int token = trace.token(step);
                    StringBuilder tops = new StringBuilder();
                    for (int id : TopK.of(row, logits.vocab(), k)) {
                        tops.append(String.format("%s%s %.3f", tops.isEmpty() ? "" : " | ",
                                Quoted.of(vocab.piece(id)), row[id]));
                    }
                    out.printf("%4d  %7d  %-16s %9.3f   %s%n", step, token, Quoted.of(vocab.piece(token)),
                            row[token], tops);
                }
            });
        }
    }
}
