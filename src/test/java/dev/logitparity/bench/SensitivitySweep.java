package dev.logitparity.bench;

import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.Verdict;
import dev.logitparity.judge.FlooredJudgement;
import dev.logitparity.judge.TracePair;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The README's sensitivity table: for each weight type of the generated llama model, the smallest scaling of one early
 * weight tensor that the noise-floor verdict still calls a bug, when the damaged model's logits come as another
 * runtime's dump (no weights to inspect: the logits alone decide). Usage: {@code SensitivitySweep [TENSOR ...]}.
 */
public final class SensitivitySweep {

    private static final String PROMPT = "The capital of France is";
    private static final double[] SCALES = {1.005, 1.01, 1.02, 1.05, 1.1, 1.2, 1.5, 2.0};

    public static void main(String[] args) throws Exception {
        List<String> tensors = args.length > 0 ? List.of(args)
                : List.of("blk.0.attn_q.weight", "blk.0.attn_v.weight", "blk.0.ffn_down.weight", "token_embd.weight");
        Path work = Files.createTempDirectory("sensitivity-");
        LlamaLibrary library = LlamaLibrary.load();
        FlooredJudgement judgement = FlooredJudgement.auto();
        System.out.println("| type | tensor | smallest scale called a bug | verdict there |");
        System.out.println("|---|---|---|---|");
        for (String type : List.of("f32", "f16", "q8_0")) {
            Path gguf = TestModels.path("llama", type);
            try (LlamaModel model = library.loadModel(gguf, ModelSettings.defaults());
                 LlamaContext context = model.newContext(ContextSettings.defaults());
                 Trace llama = new LlamaEngine(context).freeRun(PROMPT, 32, false)) {
                for (String tensor : tensors) {
                    String found = "none up to x" + SCALES[SCALES.length - 1];
                    String verdict = "";
                    for (double scale : SCALES) {
                        Path damaged = ScaledTensorCopy.write(gguf, work.resolve(type + ".gguf"), tensor, (float) scale);
                        try (LlamaModel other = library.loadModel(damaged, ModelSettings.defaults());
                             LlamaContext otherContext = other.newContext(ContextSettings.defaults());
                             Trace b = new LlamaEngine(otherContext).teacherForced(PROMPT, llama.tokens())) {
                            DivergenceReport report = judgement.judge(context, new TracePair(llama, b, List.of()), null);
                            Verdict v = report.summary().verdict();
                            if (v == Verdict.LOGIT_MISMATCH || v == Verdict.DRIFT) {
                                found = String.format(Locale.ROOT, "x%s (%+.1f %%)", scale, (scale - 1) * 100);
                                verdict = v + " at step " + report.summary().firstOutOfBand();
                                break;
                            }
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %s | `%s` | %s | %s |%n", type, tensor, found, verdict);
                }
            }
        }
    }
}
