package com.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Stands in for the runtime under test: replace it with a call that makes your runtime write its dump. Here the
 * "runtime" is logit-parity's pure-Java f64 reference engine, writing the JSON-lines dump the README describes, with
 * each step's top 64 logits.
 */
final class MyRuntime {
    private static final int TOP = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private MyRuntime() {
    }

    static Path generate(Path gguf, String prompt, int steps, Path dump) {
        try (ReferenceModel model = ReferenceModel.open(gguf)) {
            return write(model, prompt, steps, dump);
        }
    }

    /** The same with a bug: NeoX rotary embedding on a model trained with the normal one. */
    static Path generateBroken(Path gguf, String prompt, int steps, Path dump) {
        try (ReferenceModel model = ReferenceModel.open(gguf, ops -> ops.withRope(Ops.Rope.NEOX))) {
            return write(model, prompt, steps, dump);
        }
    }

    private static Path write(ReferenceModel model, String prompt, int steps, Path dump) {
        int[] promptIds;
        try (LlamaModel vocabulary = LlamaLibrary.load().loadModel(model.path(), ModelSettings.defaults())) {
            promptIds = vocabulary.vocab().tokenize(prompt);
        }
        try (Trace run = new GreedyRecorder(new ReferenceEngine(model)).freeRun(prompt, promptIds, steps, false)) {
            int vocab = model.vocabSize();
            List<String> lines = new ArrayList<>();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", "logit-parity-jsonl");
            header.put("version", 1);
            header.put("runtime", "myrt");
            header.put("prompt", prompt);
            header.put("prompt_tokens", promptIds);
            header.put("vocab", vocab);
            lines.add(JSON.writeValueAsString(header));
            float[] row = new float[vocab];
            for (int step = 0; step < run.steps(); step++) {
                run.logits().orElseThrow().copyRow(step, row);
                List<Object[]> top = IntStream.range(0, vocab).boxed()
                        .sorted(Comparator.comparingDouble(id -> -row[id])).limit(TOP)
                        .map(id -> new Object[] {id, row[id]}).toList();
                lines.add(JSON.writeValueAsString(Map.of("step", step, "token", run.token(step), "top", top)));
            }
            Files.write(dump, lines);
            return dump;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
