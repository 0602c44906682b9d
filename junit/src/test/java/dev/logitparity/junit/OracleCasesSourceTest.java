package dev.logitparity.junit;

import dev.logitparity.llama.LlamaEngine;
import static dev.logitparity.gguf.GgmlType.F32;
import static dev.logitparity.junit.LogitAssertions.assertThat;
import static dev.logitparity.synthetic.Architecture.QWEN2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.oracle.OracleCatalog;
import dev.logitparity.oracle.OracleCase;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** {@link OracleCasesSource} as JUnit reports it: a sample test class run through the engine test kit. */
class OracleCasesSourceTest {
    private static final String SAMPLE_RUN = "logitparity.junit.sample";
    private static final Set<String> SEED_SLUGS = Set.of("smollm-135m", "qwen2-0.5b", "gpt2-124m");
    private static final String PROMPT = "The capital of France is";

    /** The README's example; enabled only when the kit runs it, so a test runner's own scan leaves it alone. */
    @EnabledIf("runByTestKit")
    static class OracleSample {
        static boolean runByTestKit(ExtensionContext context) {
            return context.getConfigurationParameter(SAMPLE_RUN).isPresent();
        }

        @ParameterizedTest
        @OracleCasesSource
        void llamaCppFollowsTheOracle(OracleTestCase c) {
            try (LlamaModel model = LlamaLibrary.load().loadModel(c.model(), ModelSettings.defaults());
                 LlamaContext context = model.newContext(ContextSettings.defaults())) {
                Trace llama = new LlamaEngine(context).teacherForced(c.oracle().prompt(), c.oracle().tokens());
                assertThat(c.trace(llama.promptTokens())).as(c.toString()).withPieces(model.vocab()::piece)
                        .matches(llama);
            }
        }
    }

    @Test
    void everyCaseWhoseModelIsAbsentIsSkippedNamingTheMissingPath(@TempDir Path noModels) {
        Path oracle = Path.of(System.getProperty(OracleCasesProvider.ORACLE_PARAMETER));
        Map<String, OracleCase> cases = OracleCatalog.cases(oracle).stream()
                .collect(Collectors.toMap(c -> c.modelSlug() + "/" + c.name(), Function.identity()));
        assertEquals(12, cases.values().stream().filter(c -> SEED_SLUGS.contains(c.modelSlug())).count());

        EngineExecutionResults results = runSample(oracle, noModels);

        results.testEvents().assertStatistics(stats -> stats.started(cases.size()).aborted(cases.size())
                .succeeded(0).failed(0));
        Map<String, String> reasons = results.testEvents().aborted().stream().collect(Collectors.toMap(
                event -> event.getTestDescriptor().getDisplayName().replaceFirst("^\\[\\d+] (.*): \".*\"$", "$1"),
                event -> throwable(event).getMessage()));
        assertEquals(cases.keySet(), reasons.keySet());
        cases.forEach((name, c) -> {
            Path missing = noModels.resolve(c.modelSlug() + ".gguf");
            String variable = "LOGIT_PARITY_MODEL_" + c.modelSlug().toUpperCase(Locale.ROOT).replaceAll("\\W", "_");
            assertEquals("no model for " + c.modelSlug() + ": " + missing + " (set " + variable + " or map it in "
                    + noModels + ")", reasons.get(name));
        });
    }

    @Test
    void withModelsRequiredACaseWhoseModelIsAbsentFailsInsteadOfSkipping(@TempDir Path noModels) {
        Path oracle = Path.of(System.getProperty(OracleCasesProvider.ORACLE_PARAMETER));
        int cases = OracleCatalog.cases(oracle).size();

        EngineExecutionResults results = runSample(oracle, noModels, true);

        results.testEvents().assertStatistics(stats -> stats.started(cases).failed(cases).aborted(0));
        String message = throwable(results.testEvents().failed().stream().findFirst().orElseThrow()).getMessage();
        assertTrue(message.startsWith("no model for "), message);
        assertTrue(message.endsWith("; logitparity.models.required is true"), message);
    }

    @Test
    void aCaseWithItsModelPassesWhenLlamaCppFollowsTheOracleAndFailsWithTheReportWhenNot(@TempDir Path dir)
            throws IOException {
        int[] tokens = freeRun(GeneratedModels.path(QWEN2, F32), 8);
        Path oracle = dir.resolve("oracle");
        writeCase(oracle.resolve("qwen2-f32/capital.json"), tokens);
        int[] tampered = tokens.clone();
        tampered[3] = tokens[3] == 0 ? 1 : 0;
        writeCase(oracle.resolve("qwen2-f32/tampered.json"), tampered);

        EngineExecutionResults results = runSample(oracle, GeneratedModels.DIR);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        assertEquals("[2] qwen2-f32/tampered: \"" + PROMPT + "\"", failed.getTestDescriptor().getDisplayName());
        AssertionFailedError e = assertInstanceOf(AssertionFailedError.class, throwable(failed));
        assertTrue(e.getMessage().startsWith("[qwen2-f32/tampered] expected the traces to match over all steps (A is "
                + "expected), but the verdict is LOGIT_MISMATCH:\nprompt text: \"" + PROMPT + "\"\nA: llama.cpp "
                + "(qwen2-f32.gguf) | B: oracle (tampered.json) | one-sided"), e.getMessage());
        assertTrue(e.getMessage().contains("\ndivergence: step 3: A picks " + tokens[3] + " \""), e.getMessage());
    }

    @Test
    void aMalformedCaseFailsTheTestWithOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("oracle/qwen2-f32/broken.json");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, "{\"model_slug\": \"qwen2-f32\", \"prompt\": \"Hi\", \"tokens\": [1, 2,");

        EngineExecutionResults results = runSample(dir.resolve("oracle"), GeneratedModels.DIR);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents().assertStatistics(stats -> stats.failed(1));
        String message = throwable(results.containerEvents().failed().stream().findFirst().orElseThrow()).getMessage();
        assertTrue(message.startsWith(broken + ": "), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void aModelsLocationThatDoesNotExistFailsRatherThanSkippingEveryCase(@TempDir Path dir) {
        Path oracle = Path.of(System.getProperty(OracleCasesProvider.ORACLE_PARAMETER));
        Path typo = dir.resolve("modles");

        EngineExecutionResults results = runSample(oracle, typo);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        String message = throwable(results.containerEvents().failed().stream().findFirst().orElseThrow()).getMessage();
        assertEquals(typo + ": no such folder or model map file", message);
    }

    private static EngineExecutionResults runSample(Path oracle, Path models) {
        return runSample(oracle, models, false);
    }

    private static EngineExecutionResults runSample(Path oracle, Path models, boolean modelsRequired) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OracleSample.class))
                .configurationParameter(SAMPLE_RUN, "true")
                .configurationParameter(OracleCasesProvider.ORACLE_PARAMETER, oracle.toString())
                .configurationParameter(OracleCasesProvider.MODELS_PARAMETER, models.toString())
                .configurationParameter(OracleCasesProvider.MODELS_REQUIRED_PARAMETER, Boolean.toString(modelsRequired))
                .execute();
    }

    private static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    private static int[] freeRun(Path model, int steps) {
        try (LlamaModel loaded = LlamaLibrary.load().loadModel(model, ModelSettings.defaults());
             LlamaContext context = loaded.newContext(ContextSettings.defaults())) {
            return new LlamaEngine(context).freeRun(PROMPT, steps, false).tokens();
        }
    }

    /** An oracle case in the Hugging Face schema for the generated qwen2 F32 model. */
    private static void writeCase(Path file, int[] tokens) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", "generated/qwen2-f32");
        json.put("model_slug", "qwen2-f32");
        json.put("prompt", PROMPT);
        json.put("tokens", tokens);
        json.put("text", "");
        json.put("max_new_tokens", tokens.length);
        json.put("do_sample", false);
        Files.createDirectories(file.getParent());
        new ObjectMapper().writeValue(file.toFile(), json);
    }
}
