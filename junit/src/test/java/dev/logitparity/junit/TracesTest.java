package dev.logitparity.junit;

import static dev.logitparity.gguf.GgmlType.F32;
import static dev.logitparity.junit.LogitAssertions.assertThat;
import static dev.logitparity.synthetic.Architecture.QWEN2;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.BadInputException;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-call loader and captures on the real libllama and the generated qwen2 model (trained context 256). */
class TracesTest {
    private static final String PROMPT = "The capital of France is";
    private static final int STEPS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path gguf;
    private static Trace freeRun;

    @BeforeAll
    static void capture() {
        gguf = GeneratedModels.path(QWEN2, F32);
        freeRun = Traces.llamaCpp(gguf, PROMPT, STEPS);
    }

    @Test
    void teacherForcedOnAFreeRunGivesItsLogitsBitForBitUnderExactSettings() {
        Trace forced = Traces.llamaCppOn(gguf, freeRun);

        assertArrayEquals(freeRun.tokens(), forced.tokens());
        Logits a = freeRun.logits().orElseThrow();
        Logits b = forced.logits().orElseThrow();
        float[] rowA = new float[a.vocab()];
        float[] rowB = new float[b.vocab()];
        for (int step = 0; step < STEPS; step++) {
            a.copyRow(step, rowA);
            b.copyRow(step, rowB);
            assertArrayEquals(rowA, rowB, "step " + step);
        }
        Map<String, String> settings = forced.info().settings();
        assertEquals("off", settings.get("flash_attn"));
        assertEquals("f32", settings.get("type_k"));
        assertEquals("256", settings.get("n_ctx"));
    }

    @Test
    void capturesStayWithinTheTrainedContextSoLlamaCppDoesNotWarn() {
        List<String> warnings = llamaWarnings(() -> Traces.llamaCppOn(gguf, freeRun));
        assertFalse(warnings.stream().anyMatch(w -> w.contains("n_ctx_train")), warnings.toString());

        // The probe sees the warning when the context is longer than the model was trained for (1024 > 256).
        List<String> longer = llamaWarnings(() -> {
            try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
                 LlamaContext context = model.newContext(ContextSettings.defaults())) {
                assertEquals(1024, context.contextLength());
            }
        });
        assertTrue(longer.stream().anyMatch(w -> w.contains("n_ctx_train")), longer.toString());
    }

    @Test
    void readsADumpWithoutPromptIdsThroughTheModelsTokenizer(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("myrt.jsonl");
        List<String> lines = new ArrayList<>();
        lines.add(JSON.writeValueAsString(Map.of("format", "logit-parity-jsonl", "version", 1, "runtime", "myrt",
                "prompt", PROMPT)));
        for (int step = 0; step < STEPS; step++) {
            lines.add(JSON.writeValueAsString(Map.of("step", step, "token", freeRun.token(step))));
        }
        Files.write(dump, lines);

        Trace mine = Traces.read(dump, gguf);
        assertArrayEquals(freeRun.promptTokens(), mine.promptTokens());
        assertArrayEquals(freeRun.tokens(), mine.tokens());
        assertEquals("myrt", mine.info().source());
        assertThat(mine).matches(freeRun);

        BadInputException e = assertThrows(BadInputException.class, () -> Traces.read(dump));
        assertTrue(e.getMessage().startsWith(dump + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aTraceWithoutPromptTextCannotBeReplayedInLlamaCpp() {
        Trace idsOnly = Trace.tokensOnly(new RunInfo("myrt", null, null, null,
                CaptureMode.FREE_RUN, null, null, null), freeRun.promptTokens(),
                freeRun.tokens());
        BadInputException e = assertThrows(BadInputException.class, () -> Traces.llamaCppOn(gguf, idsOnly));
        assertEquals("myrt: the trace records no prompt text to feed llama.cpp", e.getMessage());
    }

    /** The messages of WARNING or worse that llama.cpp logs while {@code action} runs. */
    private static List<String> llamaWarnings(Runnable action) {
        Logger logger = Logger.getLogger("llama.cpp");
        Level level = logger.getLevel();
        List<String> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    seen.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parents);
            logger.setLevel(level);
        }
        return seen;
    }
}
