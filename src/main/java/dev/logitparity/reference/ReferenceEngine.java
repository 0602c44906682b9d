package dev.logitparity.reference;

import dev.logitparity.Version;
import dev.logitparity.engine.Engine;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.TensorSink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * The f64 reference as an {@link Engine}. It has no tokenizer: callers feed the ids another engine tokenised. Only
 * the last token of each feed computes logits; they are handed out rounded to float, as a trace holds them, so a
 * free run picks what any reader of the trace would pick. Tokens known in advance run {@link ReferenceSession#BATCH}
 * positions at once, to the same bits.
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
        session.tap(sink);
        logits = null;
    }

    @Override
    public void feed(int[] tokens) {
        requireSession();
        session.feed(tokens, tokens.length - 1, (index, values) -> logits = values);
    }

    /** All at once, in batches; a tap sees the last token's intermediates, as after any one feed. */
    @Override
    public void feedKnown(int[] tokens, int firstWithLogits, ObjIntConsumer<float[]> rows) {
        requireSession();
        float[] row = new float[vocabSize()];
        session.feed(tokens, firstWithLogits, (index, values) -> {
            logits = values;
            copyLogits(row);
            rows.accept(row, index);
        });
    }

    private void requireSession() {
        if (session == null) {
            throw new IllegalStateException("feed before reset");
        }
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
        if (session != null) {
            session.tap(sink);
        }
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
