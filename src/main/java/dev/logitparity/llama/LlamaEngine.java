package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.Version;
import dev.logitparity.engine.Engine;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.TensorSink;
import dev.logitparity.trace.Trace;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * llama.cpp as an {@link Engine}: one context, the prompt decoded as one batch (in chunks of n_batch), then one
 * token per step. Also tokenises text with the model's own vocabulary, which the reference cannot.
 */
public final class LlamaEngine implements Engine {

    private final LlamaContext context;

    public LlamaEngine(LlamaContext context) {
        this.context = context;
    }

    /** The model's tokenisation of {@code prompt}, as llama.cpp's own tools would feed it. */
    public int[] tokenize(String prompt) {
        if (prompt.isEmpty()) {
            throw new BadInputException("prompt is empty");
        }
        return context.model().vocab().tokenize(prompt);
    }

    /** {@link GreedyRecorder#freeRun} on the model's tokenisation of {@code prompt}. */
    public Trace freeRun(String prompt, int steps, boolean stopAtEndOfGeneration) {
        return new GreedyRecorder(this).freeRun(prompt, tokenize(prompt), steps, stopAtEndOfGeneration);
    }

    /** {@link GreedyRecorder#teacherForced} on the model's tokenisation of {@code prompt}. */
    public Trace teacherForced(String prompt, int[] forced) {
        return new GreedyRecorder(this).teacherForced(prompt, tokenize(prompt), forced);
    }

    @Override
    public int vocabSize() {
        return context.vocabSize();
    }

    @Override
    public int maxPositions() {
        // llama.cpp rounds n_ctx up (to 256): the user's limit is the one they asked for
        return Math.min(context.contextLength(), context.settings().contextLength());
    }

    @Override
    public void reset(int positions) {
        context.clearMemory();
    }

    @Override
    public void feed(int[] tokens) {
        context.decode(tokens);
    }

    @Override
    public void copyLogits(float[] row) {
        context.copyLastLogits(row);
    }

    @Override
    public boolean isEndOfGeneration(int token) {
        return context.model().vocab().isEndOfGeneration(token);
    }

    @Override
    public void tap(TensorSink sink) {
        context.tap(sink);
    }

    @Override
    public RunInfo runInfo(String prompt, CaptureMode mode) {
        LlamaModel model = context.model();
        LlamaLibrary library = model.library();
        Map<String, String> settings = new LinkedHashMap<>(context.describe());
        settings.putAll(model.settings().describe());
        settings.put("cpu_backend", library.cpuBackend());
        settings.put("prompt_decode", "batched");
        settings.put("graph_reuse", "1".equals(System.getenv("LLAMA_GRAPH_REUSE_DISABLE")) ? "off" : "on");
        settings.put("architecture", model.architecture());
        return new RunInfo("llama.cpp", model.path().toString(), model.sha256(), library.description(), mode,
                prompt, settings, Version.tool());
    }
}
