package dev.logitparity.reference;

import dev.logitparity.Version;
import dev.logitparity.engine.Engine;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.TensorSink;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The f64 reference as an {@link Engine}. It has no tokenizer: callers feed the ids another engine tokenised. Only
 * the last token of each feed computes logits; they are handed out rounded to float, as a trace holds them, so a
 * free run picks what any reader of the trace would pick.
 */
public final class ReferenceEngine implements Engine {

    private static final String LIBRARY = "logit-parity reference engine (pure Java, f64)";

    private final ReferenceModel model;
    private ReferenceSession session;
    private double[] logits;
    private TensorSink sink;

    public ReferenceEngine(ReferenceModel model) {
        this.model = model;
    }

    @Override
    public int vocabSize() {
        return model.vocabSize();
    }

    @Override
    public int maxPositions() {
        return model.maxPositions();
    }

    @Override
    public void reset(int positions) {
        session = model.newSession(positions);
        logits = null;
    }

    @Override
    public void feed(int[] tokens) {
        if (session == null) {
            throw new IllegalStateException("feed before reset");
        }
        session.tap(null);
        for (int i = 0; i < tokens.length - 1; i++) {
            session.feed(tokens[i]);
        }
        // only the last position's intermediates, as llama.cpp's tap reports them
        session.tap(sink);
        logits = session.next(tokens[tokens.length - 1]);
    }

    @Override
    public void copyLogits(float[] row) {
        if (logits == null) {
            throw new IllegalStateException("no logits: nothing fed since the last reset");
        }
        for (int i = 0; i < logits.length; i++) {
            row[i] = (float) logits[i];
        }
    }

    @Override
    public boolean isEndOfGeneration(int token) {
        return model.isEndOfGeneration(token);
    }

    @Override
    public void tap(TensorSink sink) {
        this.sink = sink;
    }

    @Override
    public RunInfo runInfo(String prompt, CaptureMode mode) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("precision", "f64");
        settings.put("architecture", model.architecture().ggufName());
        settings.putAll(model.ops().describe());
        settings.put("kv_cache", "f64");
        return new RunInfo("reference", model.path().toString(), model.sha256(), LIBRARY, mode, prompt, settings,
                Version.tool());
    }
}
