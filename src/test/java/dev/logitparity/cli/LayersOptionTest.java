package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import dev.logitparity.engine.IntermediateRecorder;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Intermediates;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --layers}: the damaged layer of a copy named from the command line, in text and JSON. */
class LayersOptionTest {

    private static final String PROMPT = "The capital of France is";

    @Test
    void aCopyWithOneScaledMiddleLayerTensorIsLocalisedAgainstTheOriginal(@TempDir Path dir) throws IOException {
        Path original = TestModels.path("llama", "f32");
        Path damaged = ScaledTensorCopy.write(original, dir.resolve("damaged.gguf"), "blk.1.attn_v.weight", 1.1f);
        CliRun text = CliRun.of(damaged.toString(), PROMPT, "--against", original.toString(), "--steps", "4",
                "--layers");
        assertEquals(1, text.status(), text.err());
        assertTrue(text.out().contains("layers at step 0: llama.cpp on damaged.gguf vs llama.cpp on llama-f32.gguf"),
                text.out());
        assertTrue(text.out().contains("first jump (*): layer 1 Vcur, relative error 0.100, where every earlier op "
                + "agreed exactly"), text.out());

        Path chart = dir.resolve("steps.png");
        CliRun json = CliRun.of(damaged.toString(), PROMPT, "--against", original.toString(), "--steps", "4",
                "--layers-step", "2", "--json", "--chart", chart.toString());
        BufferedImage heatMap = ImageIO.read(dir.resolve("steps-layers.png").toFile());
        assertTrue(heatMap.getWidth() > 400 && heatMap.getHeight() > 100, "a layer x op heat map was written");
        JsonNode layers = new ObjectMapper().readTree(json.out()).get("layers");
        assertEquals(2, layers.get("step").asInt());
        JsonNode jump = layers.get("rows").get(layers.get("firstJump").asInt());
        assertEquals("Vcur-1", jump.get("name").asText());
        assertEquals(1, jump.get("layer").asInt());
    }

    @Test
    void anotherRuntimesTensorRecordsAreLocalisedAgainstLlamaCpp(@TempDir Path dir) throws IOException {
        Path gguf = TestModels.path("qwen2", "f32");
        int step = 2;
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace llama = new LlamaEngine(context).freeRun(PROMPT, 4, false);
             ReferenceModel reference = ReferenceModel.open(gguf)) {
            lines.add(json.writeValueAsString(Map.of("format", "logit-parity-jsonl", "version", 1, "runtime", "myrt",
                    "prompt_tokens", llama.promptTokens())));
            for (int s = 0; s < llama.steps(); s++) {
                lines.add(json.writeValueAsString(Map.of("step", s, "token", llama.token(s))));
            }
            // a runtime whose second layer's feed-forward norm weight is read 10 % too large: that op and every
            // later one is 1.1x the reference's (a simplification: it only needs to be right from the norm on)
            Intermediates mine = IntermediateRecorder.atStep(new ReferenceEngine(reference), llama.promptTokens(),
                    llama.tokens(), step);
            List<String> order = Intermediates.namesInOrder(2);
            for (Map.Entry<String, double[]> e : mine.asMap().entrySet()) {
                double scale = order.indexOf(e.getKey()) >= order.indexOf("ffn_norm-1") ? 1.1 : 1;
                double[] values = Arrays.stream(e.getValue()).map(v -> v * scale).toArray();
                lines.add(json.writeValueAsString(Map.of("tensor", e.getKey(), "step", step, "values", values)));
            }
        }
        Path dump = Files.write(dir.resolve("myrt.jsonl"), lines);
        CliRun run = CliRun.of(gguf.toString(), PROMPT, "--against", dump.toString(), "--steps", "4",
                "--layers-step", String.valueOf(step));
        assertTrue(run.out().contains("layers at step 2: llama.cpp vs myrt.jsonl"), run.out() + run.err());
        assertTrue(run.out().contains("first jump (*): layer 1 ffn_norm, relative error 0.0909"), run.out());
    }

    @Test
    void aCapturedTraceKeepsAStepsIntermediatesThatLayersReadsBack(@TempDir Path dir) throws IOException {
        String model = TestModels.path("llama", "f32").toString();
        Path trace = dir.resolve("trace");
        CliRun capture = CliRun.of("capture", model, PROMPT, "--steps", "3", "--layers-step", "1", "--out",
                trace.toString());
        assertEquals(0, capture.status(), capture.err());
        List<String> records = Files.readAllLines(trace.resolve("tensors.jsonl"));
        // 2 layers x 9 ops, the final norm and the logits
        assertEquals(20, records.size());
        assertTrue(records.stream().allMatch(r -> r.contains("\"step\":1")), records.getFirst());

        CliRun run = CliRun.of(model, PROMPT, "--steps", "3", "--against", trace.toString(), "--layers-step", "1");
        assertTrue(run.out().contains("layers at step 1: llama.cpp vs trace"), run.out() + run.err());
        // the same library, model and settings on both sides: every op agrees to the bit
        assertTrue(run.out().contains("no jump"), run.out());
        assertTrue(run.out().contains("out    result_norm 0 result_output 0"), run.out());

        CliRun noOut = CliRun.of("capture", model, PROMPT, "--steps", "3", "--layers-step", "1");
        assertEquals(2, noOut.status());
        assertEquals("divergence-locate: --layers-step 1 needs --out", noOut.err().strip());
    }

    @Test
    void aStepOutsideTheRunIsBadInput() {
        CliRun run = CliRun.of(TestModels.path("llama", "f32").toString(), PROMPT, "--steps", "2",
                "--layers-step", "5");
        assertEquals(2, run.status());
        assertEquals("divergence-locate: --layers-step 5 is outside the run's steps 0..1", run.err().strip());
    }
}
