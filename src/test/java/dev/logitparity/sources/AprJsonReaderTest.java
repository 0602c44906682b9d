package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.CHARS;
import static dev.logitparity.sources.SourceFixtures.assertBadInput;
import static dev.logitparity.sources.SourceFixtures.bosAndChars;
import static dev.logitparity.sources.SourceFixtures.chars;
import static dev.logitparity.sources.SourceFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Trace;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** apr's {@code run --json} output, as apr prints it today and in the shapes a tolerant reader accepts. */
class AprJsonReaderTest {
    private static final String PROMPT = "The capital of France is";
    private static final SourceContext MODEL = SourceContext.none().withTokenizer(CHARS).withVocab(20_000)
            .withPrompt(PROMPT);
    // apr-cli's print_run_output (GH-250), verbatim field set.
    private static final String APR_OUTPUT = """
            {
              "model": "models/qwen2-0.5b-q8_0.gguf",
              "text": " Paris.",
              "tokens": [12095, 13],
              "tokens_generated": 2,
              "max_tokens": 32,
              "tok_per_sec": 12.5,
              "inference_time_ms": 160.25,
              "used_gpu": false,
              "cached": true
            }
            """;

    @TempDir
    Path dir;

    private Path apr(String json) {
        return write(dir.resolve("apr-out.json"), json);
    }

    @Test
    void aprsOwnOutputReadsAsItsIdsWithThePromptTokenisedAndEveryFieldKept() {
        try (Trace trace = TraceSources.read(apr(APR_OUTPUT), MODEL)) {
            assertArrayEquals(new int[]{12095, 13}, trace.tokens());
            assertArrayEquals(bosAndChars(PROMPT), trace.promptTokens());
            assertTrue(trace.logits().isEmpty());
            assertEquals("apr", trace.info().source());
            assertEquals("models/qwen2-0.5b-q8_0.gguf", trace.info().model());
            assertEquals(PROMPT, trace.info().prompt());
            assertEquals(CaptureMode.FREE_RUN, trace.info().mode());
            Map<String, String> settings = trace.info().settings();
            assertEquals(" Paris.", settings.get("text"));
            assertEquals("2", settings.get("tokens_generated"));
            assertEquals("32", settings.get("max_tokens"));
            assertEquals("false", settings.get("used_gpu"));
            assertFalse(TraceSources.tokensFromText(trace));
        }
    }

    @Test
    void anEmptyTokenArrayBesideTextMeansTheIdsAreMadeFromTheTextWithoutBos() {
        Path file = apr("""
                {"model": "m.gguf", "text": " Paris.", "tokens": [], "tokens_generated": 2}
                """);
        try (Trace trace = TraceSources.read(file, MODEL)) {
            assertArrayEquals(chars(" Paris."), trace.tokens());
            assertTrue(TraceSources.tokensFromText(trace));
            assertEquals("true", trace.info().settings().get(TraceSources.TOKENS_FROM_TEXT));
        }
    }

    @Test
    void anotherTextFieldWithoutIdsIsTokenisedToo() {
        try (Trace trace = TraceSources.read(apr("{\"generated_text\": \"ok\"}"), MODEL)) {
            assertArrayEquals(chars("ok"), trace.tokens());
            assertTrue(TraceSources.tokensFromText(trace));
        }
    }

    @Test
    void anEmptyRunIsZeroSteps() {
        try (Trace trace = TraceSources.read(apr("{\"text\": \"\", \"tokens\": []}"), MODEL)) {
            assertEquals(0, trace.steps());
            assertFalse(TraceSources.tokensFromText(trace));
        }
    }

    @Test
    void promptIdsInTheFileAreUsedAsTheyAre() {
        Path file = apr("{\"prompt_tokens\": [1, 9, 8], \"token_ids\": [{\"token_id\": 4}, {\"token_id\": 5}]}");
        try (Trace trace = TraceSources.read(file, SourceContext.none())) {
            assertArrayEquals(new int[]{1, 9, 8}, trace.promptTokens());
            assertArrayEquals(new int[]{4, 5}, trace.tokens());
            assertNull(trace.info().prompt());
        }
    }

    @Test
    void tokenObjectsWithLogprobsAndAlternativesBecomeTopKLogits() {
        Path file = apr("""
                {"prompt": "%s", "text": "ab", "tokens": [
                  {"id": 97, "logprob": -0.5,
                   "top_logprobs": [{"id": 97, "logprob": -0.5}, {"id": 98, "logprob": -1.5}]},
                  {"id": 98, "logprob": -0.25, "top_logprobs": [[99, -2.0]]}
                ]}
                """.formatted(PROMPT));
        try (Trace trace = TraceSources.read(file, MODEL)) {
            assertArrayEquals(new int[]{97, 98}, trace.tokens());
            TopKLogits logits = assertInstanceOf(TopKLogits.class, trace.logits().orElseThrow());
            assertFalse(logits.complete());
            assertEquals(20_000, logits.vocab());
            assertArrayEquals(new int[]{97, 98}, logits.listedTokens(0));
            assertEquals(-1.5f, logits.get(0, 98));
            assertArrayEquals(new int[]{98, 99}, logits.listedTokens(1), "the chosen token's own value is listed");
            assertEquals(-0.25f, logits.get(1, 98));
            assertEquals(-2.0f, logits.get(1, 99));
            assertEquals(Float.NEGATIVE_INFINITY, logits.get(1, 97));
            assertEquals("logprob", trace.info().settings().get("values"));
        }
    }

    @Test
    void listedValuesWithoutAKnownVocabAreDroppedAndTheSettingsSaySo() {
        Path file = apr("{\"tokens\": [{\"id\": 3, \"logit\": 9.5}]}");
        try (Trace trace = TraceSources.read(file, SourceContext.none().withTokenizer(CHARS).withPrompt("x"))) {
            assertArrayEquals(new int[]{3}, trace.tokens());
            assertTrue(trace.logits().isEmpty());
            assertTrue(trace.info().settings().containsKey("values_dropped"));
        }
    }

    static Stream<Arguments> brokenOutputs() {
        return Stream.of(
                Arguments.of("tokens as strings", "{\"text\": \"x\", \"tokens\": [\"12095\"]}",
                        "tokens[0] is a string (\"12095\"), not a token id"),
                Arguments.of("a fractional id", "{\"tokens\": [1, 2.5]}", "tokens[1] is a number (2.5)"),
                Arguments.of("an object without an id", "{\"tokens\": [{\"id\": 1}, {\"logit\": 2}]}",
                        "tokens[1] has no token id (id, token_id)"),
                Arguments.of("text not a string", "{\"text\": 5}", "'text' is a number (5), not a string"),
                Arguments.of("neither ids nor text", "{\"model\": \"m\", \"tokens_generated\": 3}",
                        "has neither generated token ids (tokens, token_ids, generated_tokens, output_tokens)"),
                Arguments.of("a value that is text", "{\"tokens\": [{\"id\": 1, \"logit\": \"high\"}]}",
                        "tokens[0].logit is a string (\"high\"), not a number"),
                Arguments.of("logits mixed with logprobs",
                        "{\"tokens\": [{\"id\": 1, \"logit\": 2}, {\"id\": 2, \"logprob\": -1}]}",
                        "mixes 'logit' and 'logprob' values"),
                Arguments.of("values on some steps only", "{\"tokens\": [{\"id\": 1, \"logit\": 2}, 3]}",
                        "step 1 lists no values but other steps do"),
                Arguments.of("alternatives not an array", "{\"tokens\": [{\"id\": 1, \"top_logprobs\": 4}]}",
                        "tokens[0].top_logprobs is a number (4), not an array"),
                Arguments.of("an alternative listed twice",
                        "{\"tokens\": [{\"id\": 1, \"top\": [[5, -1.0], [5, -2.0]]}]}",
                        "step 0: token 5 is listed twice"),
                Arguments.of("an alternative outside the vocab",
                        "{\"tokens\": [{\"id\": 1, \"top\": [[20000, -1.0]]}]}",
                        "step 0: token 20000 is outside vocab 20000"),
                Arguments.of("a malformed alternative", "{\"tokens\": [{\"id\": 1, \"top\": [[5]]}]}",
                        "tokens[0].top[0] is an array, not an [id, value] pair"),
                Arguments.of("truncated", "{\"text\": \"Paris\", \"tokens\": [12095,", "Unexpected end-of-input"),
                Arguments.of("an id outside the model's vocab", "{\"tokens\": [25000]}",
                        "token 0 is id 25000, outside the model's vocab of 20000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOutputs")
    void brokenOutputIsOneLineNamingTheFile(String name, String json, String problem) {
        Path file = apr(json);
        assertBadInput(file, problem, () -> SourceFormat.APR_JSON.read(file, MODEL));
    }

    @Test
    void withoutAnyPromptThePromptIdsCannotBeMade() {
        Path file = apr(APR_OUTPUT);
        assertBadInput(file, "records neither prompt ids nor the prompt text",
                () -> TraceSources.read(file, MODEL.withPrompt(null)));
    }

    @Test
    void textWithoutIdsNeedsATokenizer() {
        Path file = apr("{\"text\": \" Paris.\", \"tokens\": [], \"prompt_tokens\": [1]}");
        assertBadInput(file, "tokenizer is needed to turn the generated text into ids",
                () -> TraceSources.read(file, SourceContext.none()));
    }

    /** The real apr 0.72.3's output, recorded in src/test/resources/apr-0.72.3 (see its README). */
    private static Path recorded(String name) {
        return Path.of("src/test/resources/apr-0.72.3", name);
    }

    private static final SourceContext QWEN2 = SourceContext.none().withTokenizer(CHARS).withVocab(151_936)
            .withPrompt("def fibonacci(n):");

    @Test
    void realAprLogprobsGiveItsOwnPromptIdsAndItsTopTwentyLogitsPerStep() {
        try (Trace trace = TraceSources.read(recorded("qwen2-f32/code.logprobs.json"), QWEN2)) {
            int[] prompt = trace.promptTokens();
            // apr's own ids: BOS <|endoftext|>, then the chat template around the prompt (read off the file by hand).
            assertEquals(23, prompt.length);
            assertArrayEquals(new int[]{151643, 151644, 8948, 198}, java.util.Arrays.copyOf(prompt, 4));
            assertArrayEquals(new int[]{750, 75698, 1445, 1648}, java.util.Arrays.copyOfRange(prompt, 14, 18));
            assertFalse(TraceSources.promptIdsFromText(trace));
            assertEquals(32, trace.steps());
            assertEquals(22912, trace.token(0));
            dev.logitparity.trace.Logits logits = trace.logits().orElseThrow();
            assertFalse(logits.complete());
            assertEquals(20, ((TopKLogits) logits).listedTokens(0).length);
            // step 0's first listed entry in the file: {"token_id": 22912, "logit": 7.811205863952637, ...}
            assertEquals(7.811205863952637f, logits.get(0, 22912));
            assertEquals(7.761009216308594f, logits.get(0, 80579));
            assertEquals(Float.NEGATIVE_INFINITY, logits.get(0, 0));
            assertEquals("logit", trace.info().settings().get("values"));
        }
    }

    @Test
    void realAprWithoutLogprobsGivesOnlyACountAndThePromptIdsAreFlaggedAsOurs() {
        try (Trace trace = TraceSources.read(recorded("qwen2-f32/code.json"), QWEN2)) {
            assertTrue(TraceSources.promptIdsFromText(trace));
            assertEquals(23, TraceSources.promptTokenCount(trace).orElseThrow());
            assertTrue(trace.logits().isEmpty());
            assertEquals(32, trace.steps());
        }
    }

    @Test
    void logprobsWhoseChosenIdsAreNotTheGeneratedOnesAreRejected() {
        Path file = apr("""
                {"text": "x", "tokens": [5, 6], "logprobs": {"top_k": 1, "prompt_token_ids": [1, 2],
                 "steps": [{"step": 0, "chosen": 5, "top": [{"token_id": 5, "logit": 1.0}]},
                           {"step": 1, "chosen": 7, "top": [{"token_id": 7, "logit": 1.0}]}]}}
                """);
        assertBadInput(file, "are not the generated ids", () -> TraceSources.read(file, MODEL));
    }

    @Test
    void aLogprobsEntryWithoutALogitIsRejectedNamingIt() {
        Path file = apr("""
                {"text": "x", "tokens": [5], "logprobs": {"top_k": 1, "prompt_token_ids": [1],
                 "steps": [{"step": 0, "chosen": 5, "top": [{"token_id": 5, "logprob": -1.0}]}]}}
                """);
        assertBadInput(file, "logprobs.steps[0].top[0] has no 'logit'", () -> TraceSources.read(file, MODEL));
    }
}
