package dev.logitparity.judge;

import dev.logitparity.TestModels;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How far each setting the README documents moves llama.cpp's log-probabilities from its defaults (flash attention on,
 * F16 KV cache, prompt in one batch): max |Δlogprob| over 32 teacher-forced steps on a generated model. The test
 * holds the README's figures to these measurements; {@link #main} prints the table.
 */
public final class SettingEffects {

    static final String PROMPT = "The capital of France is";
    static final int STEPS = 32;
    static final Map<String, UnaryOperator<ContextSettings>> SETTINGS = settings();

    private SettingEffects() {
    }

    private static Map<String, UnaryOperator<ContextSettings>> settings() {
        Map<String, UnaryOperator<ContextSettings>> out = new LinkedHashMap<>();
        out.put("flash attention off", s -> s.withFlashAttention(false));
        out.put("F32 KV cache", s -> s.withKvType(ContextSettings.KvType.F32));
        out.put("--exact (F32 KV, flash attention off)", ContextSettings::exact);
        out.put("prompt token by token", s -> s.withBatch(1));
        return out;
    }

    /** Max |Δlogprob| over the steps, per setting, for {@code models/<arch>-<type>.gguf}. */
    static Map<String, Double> measure(String arch, String type) {
        Path gguf = TestModels.path(arch, type);
        Map<String, Double> out = new LinkedHashMap<>();
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace base = new LlamaEngine(context).freeRun(PROMPT, STEPS, false)) {
            SETTINGS.forEach((name, change) -> {
                try (LlamaContext other = model.newContext(change.apply(ContextSettings.defaults()));
                     Trace moved = new LlamaEngine(other).teacherForced(PROMPT, base.tokens())) {
                    out.put(name, TraceComparator.within(Band.logprob(0)).compare(base, moved).steps().stream()
                            .mapToDouble(s -> ((StepMetrics) s).maxAbsDelta()).max().orElseThrow());
                }
            });
        }
        return out;
    }

    public static void main(String[] args) {
        System.out.println("| model | " + String.join(" | ", SETTINGS.keySet()) + " |");
        System.out.println("|---|" + "---|".repeat(SETTINGS.size()));
        for (String arch : new String[] {"gpt2", "llama", "qwen2"}) {
            for (String type : new String[] {"f32", "f16", "q8_0"}) {
                StringBuilder row = new StringBuilder("| " + arch + " " + type + " |");
                measure(arch, type).values().forEach(v -> row.append(String.format(Locale.ROOT, " %.2g |", v)));
                System.out.println(row);
            }
        }
    }
}
