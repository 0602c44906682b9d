package dev.logitparity.reference;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.peers.ChildCapture;
import dev.logitparity.trace.Trace;
import dev.logitparity.trace.TraceReader;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The comparisons the reference tests make: llama.cpp free-runs a model, then llama.cpp and the reference are both
 * teacher-forced on those tokens from the same prompt ids, and each step's max |Δlogprob| is measured.
 */
final class LlamaCppRuns {

    static final String PROMPT = "The capital of France is";
    static final int STEPS = 32;

    /**
     * The band, per weight type, that the exact reference stays within against llama.cpp's default settings (flash
     * attention on, F16 KV cache) on the generated models over 32 teacher-forced steps. Largest seen on this machine
     * (gpt2 / llama / qwen2): F32 0.019 / 0.047 / 0.024, F16 0.063 / 0.058 / 0.034, Q8_0 0.83 / 0.38 / 0.78.
     * llama.cpp rounds K and V to fp16, converts activations to F16 before an F16 matmul and to Q8_0 blocks before a
     * Q8_0 one, and reads GELU from an fp16 table; the reference does none of that.
     */
    static double defaultSettingsBand(GgmlType type) {
        return switch (type) {
            case F32 -> 0.1;
            case F16 -> 0.15;
            case Q8_0 -> 1.5;
            default -> throw new IllegalArgumentException("no band for " + type);
        };
    }

    /** Every step of an F32 model under {@link #PORTABLE_EXACT} against the rounding-matched reference. */
    static final double ROUNDING_MATCHED_BAND = 1e-3;

    /**
     * Step 0 of an F16 or Q8_0 model likewise: float and double put the odd activation on different sides of an fp16
     * or Q8_0 rounding boundary, and one such activation moves a step by about 1e-3 (1.3e-3 on qwen2 F16).
     */
    static final double BOUNDARY_CASE_BAND = 3e-3;

    /**
     * The settings under which llama.cpp's numbers do not depend on the machine: the haswell kernels (AVX2, present on
     * every x86-64 machine this project supports; the automatic pick is AMX on Sapphire Rapids, AVX-512 on zen4, and
     * those round F16 and Q8_0 products differently), weights in their GGUF layout (repacking changes how activations
     * are quantised), F32 KV cache, flash attention off, and two threads. Process-wide, so they run in a child JVM.
     */
    static final Map<String, String> PORTABLE_EXACT = Map.of("cpu", "haswell", "repack", "off", "kv-type", "f32",
            "flash-attn", "off", "threads", "2");

    /** {@link #STEPS} free-run steps of llama.cpp under {@link #PORTABLE_EXACT}, in a child JVM. */
    static Trace llamaCppPortableExact(Path gguf, Path work) throws IOException {
        Path out = work.resolve("trace");
        ChildCapture.capture(List.of(gguf.toString(), PROMPT, "--steps", Integer.toString(STEPS), "--no-stop"),
                PORTABLE_EXACT, out);
        return TraceReader.read(out);
    }

    private LlamaCppRuns() {
    }

    /** llama.cpp's teacher-forced replay of its own free-run of {@link #STEPS} steps after {@link #PROMPT}. */
    static Trace llamaCpp(Path gguf, ContextSettings settings) {
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(settings);
             Trace free = new LlamaEngine(context).freeRun(PROMPT, STEPS, false)) {
            return new LlamaEngine(context).teacherForced(PROMPT, free.tokens());
        }
    }

    /** The reference, with the architecture's ops changed by {@code variant}, teacher-forced as {@code llamaCpp} was. */
    static Trace reference(Path gguf, UnaryOperator<Ops> variant, Trace llamaCpp) {
        try (ReferenceModel model = ReferenceModel.open(gguf, variant)) {
            return new GreedyRecorder(new ReferenceEngine(model)).teacherForced(PROMPT, llamaCpp.promptTokens(), llamaCpp.tokens());
        }
    }

    /** Max |Δlogprob| over the vocabulary at each step, as the comparator measures it. */
    static double[] maxAbsDeltaPerStep(Trace a, Trace b) {
        return TraceComparator.within(Band.defaults()).compare(a, b).steps().stream()
                .mapToDouble(step -> ((StepMetrics) step).maxAbsDelta()).toArray();
    }
}
