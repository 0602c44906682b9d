package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.TestModels;
import dev.logitparity.compare.SyntheticTraces;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.GreedySampler;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;
import dev.logitparity.trace.TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlamaEngineTest {

    private static final String PROMPT = "The capital of France is";
    private static final int STEPS = 24;

    private final LlamaLibrary library = LlamaLibrary.load();

    static Stream<Path> everyGeneratedModel() {
        return TestModels.all().stream();
    }

    @ParameterizedTest
    @MethodSource("everyGeneratedModel")
    void capturedGreedyTextEqualsLlamasOwnGreedySampler(Path gguf) {
        try (LlamaModel model = library.loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace trace = new LlamaEngine(context).freeRun(PROMPT, STEPS, false)) {
            int[] sampled = sampleWithLlama(context, model.vocab().tokenize(PROMPT), STEPS);
            assertArrayEquals(sampled, trace.tokens());
            assertEquals(model.vocab().detokenize(sampled), model.vocab().detokenize(trace.tokens()));
            // A model that repeats one token would make this test blind to off-by-one feeding bugs.
            assertTrue(Arrays.stream(trace.tokens()).distinct().count() > 3, Arrays.toString(trace.tokens()));
        }
    }

    @ParameterizedTest
    @MethodSource("everyGeneratedModel")
    void teacherForcingTheFreeRunTokensReproducesItsLogitsBitForBit(Path gguf) {
        try (LlamaModel model = library.loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace free = new LlamaEngine(context).freeRun(PROMPT, STEPS, false);
             Trace forced = new LlamaEngine(context).teacherForced(PROMPT, free.tokens())) {
            assertEquals(CaptureMode.TEACHER_FORCED, forced.info().mode());
            assertArrayEquals(free.tokens(), forced.tokens());
            assertArrayEquals(rows(free.logits().orElseThrow()), rows(forced.logits().orElseThrow()));
        }
    }

    @Test
    void theSameCaptureTwiceWritesIdenticalLogitsFiles(@TempDir Path dir) throws Exception {
        Path gguf = TestModels.path("qwen2", "q8_0");
        for (String run : new String[] {"a", "b"}) {
            try (LlamaModel model = library.loadModel(gguf, ModelSettings.defaults());
                 LlamaContext context = model.newContext(ContextSettings.defaults());
                 Trace trace = new LlamaEngine(context).freeRun(PROMPT, STEPS, false)) {
                TraceWriter.write(trace, dir.resolve(run));
            }
        }
        assertEquals(-1L, Files.mismatch(dir.resolve("a/logits.npy"), dir.resolve("b/logits.npy")));
    }

    @Test
    void quantisedTwinGivesOtherLogitsThanF32() {
        float[] f32 = firstStepLogits(TestModels.path("llama", "f32"));
        float[] q8 = firstStepLogits(TestModels.path("llama", "q8_0"));
        float[] f32Again = firstStepLogits(TestModels.path("llama", "f32"));
        assertArrayEquals(f32, f32Again);
        assertFalse(Arrays.equals(f32, q8), "Q8_0 logits equal F32 logits: the type was not really written");
        double maxDelta = 0;
        for (int i = 0; i < f32.length; i++) {
            maxDelta = Math.max(maxDelta, Math.abs(f32[i] - q8[i]));
        }
        // Same weights up to 8-bit rounding: close, but not equal.
        assertTrue(maxDelta > 1e-4 && maxDelta < 1.0, "max |f32 - q8_0| = " + maxDelta);
    }

    /**
     * A prompt decoded in chunks of n_batch continues exactly where the previous chunk ended: the same tokens and,
     * within float rounding, the same logits as the prompt decoded in one batch. llama.cpp does not promise equal bits
     * across batch sizes (the chunks are other matrix shapes, which may take other kernels), so the logits are held
     * to 1e-3 nats. Under these exact settings (F32 KV cache, flash attention off) the two were bitwise equal here;
     * ggml's defaults differ by 0.009 nats through the F16 KV cache. A chunk fed at the wrong positions, or lost,
     * moves them by tenths of a nat. The smallest winning margin of the whole run (0.008 nats at step 1) is above twice
     * the bound, so equal tokens follow from rows within it.
     */
    @Test
    void promptLongerThanTheBatchDecodedInChunksGivesTheTokensAndLogitsOfOneBatch() {
        String prompt = "word ".repeat(100);
        ContextSettings exact = ContextSettings.defaults().exact().withContextLength(128);
        // n_batch 32 below the prompt length: one oversized batch would abort the JVM.
        try (LlamaModel model = library.loadModel(TestModels.path("gpt2", "f32"), ModelSettings.defaults());
             LlamaContext small = model.newContext(exact.withBatch(32));
             LlamaContext large = model.newContext(exact);
             Trace chunked = new LlamaEngine(small).freeRun(prompt, 4, false);
             Trace whole = new LlamaEngine(large).freeRun(prompt, 4, false)) {
            assertEquals("32", chunked.info().settings().get("n_batch"));
            assertTrue(Integer.parseInt(whole.info().settings().get("n_batch")) >= 101, whole.info().settings()::toString);
            assertEquals(101, chunked.promptTokens().length);
            assertArrayEquals(whole.promptTokens(), chunked.promptTokens());
            assertArrayEquals(whole.tokens(), chunked.tokens());
            Logits a = whole.logits().orElseThrow();
            Logits b = chunked.logits().orElseThrow();
            float[] rowA = new float[a.vocab()];
            float[] rowB = new float[b.vocab()];
            for (int step = 0; step < whole.steps(); step++) {
                a.copyRow(step, rowA);
                b.copyRow(step, rowB);
                double[] logprobA = SyntheticTraces.logprobs(rowA);
                double[] logprobB = SyntheticTraces.logprobs(rowB);
                for (int token = 0; token < rowA.length; token++) {
                    assertEquals(logprobA[token], logprobB[token], 1e-3, "step " + step + ", token " + token);
                }
            }
        }
    }

    @Test
    void recordsEveryNumericsSetting() {
        try (LlamaModel model = library.loadModel(TestModels.path("gpt2", "f16"), ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults().withThreads(1));
             Trace trace = new LlamaEngine(context).freeRun(PROMPT, 2, false)) {
            var settings = trace.info().settings();
            assertEquals("1", settings.get("n_threads"));
            assertEquals("1", settings.get("n_threads_batch"));
            assertEquals("on", settings.get("flash_attn"));
            assertEquals("gpt2", settings.get("architecture"));
            assertEquals(library.cpuBackend(), settings.get("cpu_backend"));
            for (String key : new String[] {"n_ctx", "n_batch", "n_ubatch", "type_k", "type_v", "repack"}) {
                assertTrue(settings.containsKey(key), key + " missing from " + settings);
            }
            assertEquals(64, trace.info().modelSha256().length());
        }
    }

    @Test
    void emptyPromptAndOverlongPromptAreBadInput() {
        try (LlamaModel model = library.loadModel(TestModels.path("gpt2", "f32"), ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults().withContextLength(64))) {
            LlamaEngine capture = new LlamaEngine(context);
            assertEquals("prompt is empty",
                    assertThrows(BadInputException.class, () -> capture.freeRun("", 4, true)).getMessage());
            // llama.cpp rounds the context up (to 256 here): the limit is still the 64 tokens asked for
            assertEquals(256, context.contextLength());
            String longPrompt = "word ".repeat(61);
            String message = assertThrows(BadInputException.class, () -> capture.freeRun(longPrompt, 4, true))
                    .getMessage();
            assertEquals("prompt is 62 tokens; with 4 steps that exceeds the context of 64 tokens", message);
        }
    }

    private float[] firstStepLogits(Path gguf) {
        try (LlamaModel model = library.loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace trace = new LlamaEngine(context).freeRun(PROMPT, 1, false)) {
            float[] row = new float[context.vocabSize()];
            trace.logits().orElseThrow().copyRow(0, row);
            return row;
        }
    }

    private static int[] sampleWithLlama(LlamaContext context, int[] prompt, int steps) {
        context.clearMemory();
        context.decode(prompt);
        int[] out = new int[steps];
        try (GreedySampler sampler = new GreedySampler()) {
            for (int i = 0; i < steps; i++) {
                out[i] = sampler.sample(context);
                context.decode(new int[] {out[i]});
            }
        }
        return out;
    }

    private static float[] rows(Logits logits) {
        float[] all = new float[logits.steps() * logits.vocab()];
        float[] row = new float[logits.vocab()];
        for (int s = 0; s < logits.steps(); s++) {
            logits.copyRow(s, row);
            System.arraycopy(row, 0, all, s * logits.vocab(), logits.vocab());
        }
        return all;
    }

}
