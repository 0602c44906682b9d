package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.CHARS;
import static dev.logitparity.sources.SourceFixtures.assertBadInput;
import static dev.logitparity.sources.SourceFixtures.bosAndChars;
import static dev.logitparity.sources.SourceFixtures.resource;
import static dev.logitparity.sources.SourceFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed's oracle cases read as tokens-only traces; a broken case is one line naming the file. */
class HfOracleReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CASE = resource("gpt2-124m-completion.json");
    private static final int GPT2_VOCAB = 50257;
    private static final SourceContext GPT2 = SourceContext.none().withTokenizer(CHARS).withVocab(GPT2_VOCAB);

    @TempDir
    Path dir;

    @Test
    void theSeedCaseReadsAsItsGeneratedIdsWithTheTokenizersPromptIds() {
        try (Trace trace = TraceSources.read(CASE, GPT2)) {
            int[] tokens = trace.tokens();
            assertEquals(32, tokens.length);
            assertArrayEquals(new int[]{262, 3139, 286, 262, 4141, 2066, 11, 290}, Arrays.copyOf(tokens, 8));
            assertEquals(262, tokens[31]);
            assertArrayEquals(bosAndChars("The capital of France is"), trace.promptTokens());
            assertTrue(trace.logits().isEmpty(), "an oracle case has no logits");
        }
    }

    @Test
    void theSeedCaseKeepsModelPromptTextAndSettings() {
        try (Trace trace = TraceSources.read(CASE, GPT2)) {
            RunInfo info = trace.info();
            assertEquals("transformers", info.source());
            assertEquals("openai-community/gpt2", info.model());
            assertEquals("The capital of France is", info.prompt());
            assertEquals("transformers 5.1.0, torch 2.10.0+cu128", info.library());
            assertEquals(CaptureMode.FREE_RUN, info.mode());
            Map<String, String> settings = info.settings();
            assertEquals("gpt2-124m", settings.get("model_slug"));
            assertEquals("transformers", settings.get("runtime"));
            assertEquals("float32", settings.get("format"));
            assertEquals("5.1.0", settings.get("transformers_version"));
            assertEquals("false", settings.get("do_sample"));
            assertEquals("32", settings.get("max_new_tokens"));
            assertTrue(settings.get("text").startsWith(" the capital of the French Republic,"), settings.get("text"));
            assertFalse(settings.containsKey("prompt") || settings.containsKey("model")
                    || settings.containsKey("tokens"), "kept in RunInfo, or as ids: " + settings.keySet());
            assertFalse(TraceSources.tokensFromText(trace));
        }
    }

    @Test
    void theSamePromptGivenByTheUserIsAccepted() {
        try (Trace trace = TraceSources.read(CASE, GPT2.withPrompt("The capital of France is"))) {
            assertEquals(32, trace.steps());
        }
    }

    @Test
    void aDifferentPromptGivenByTheUserIsRefused() {
        assertBadInput(CASE, "differs from the given prompt 'Paris is'",
                () -> TraceSources.read(CASE, GPT2.withPrompt("Paris is")));
    }

    @Test
    void withoutATokenizerThePromptIdsCannotBeMadeAndTheErrorSaysSo() {
        assertBadInput(CASE, "tokenizer is needed", () -> TraceSources.read(CASE, SourceContext.none()));
    }

    @Test
    void anIdOutsideTheModelsVocabIsRefused() {
        assertBadInput(CASE, "token 1 is id 3139, outside the model's vocab of 3000",
                () -> TraceSources.read(CASE, GPT2.withVocab(3000)));
    }

    static Stream<Arguments> brokenCases() {
        return Stream.of(
                broken("tokens as strings", json -> json.putArray("tokens").add("262").add("3139"),
                        "tokens[0] is a string (\"262\"), not a token id"),
                broken("a fractional id", json -> json.withArray("tokens").set(3, 262.5),
                        "tokens[3] is a number (262.5), not a token id"),
                broken("a negative id", json -> json.withArray("tokens").set(0, -1), "tokens[0] is a number (-1)"),
                broken("an id beyond int", json -> json.withArray("tokens").set(0, 1L << 40), "tokens[0] is a number"),
                broken("tokens not an array", json -> json.put("tokens", 32), "'tokens' is a number (32)"),
                broken("no tokens", json -> json.remove("tokens"), "missing 'tokens'"),
                broken("token_count disagrees", json -> json.put("token_count", 31),
                        "token_count is a number (31) but 'tokens' holds 32 ids"),
                broken("no prompt", json -> json.remove("prompt"), "missing 'prompt'"),
                broken("prompt not text", json -> json.put("prompt", 7), "'prompt' is a number (7), not a string"));
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String problem) {
        return Arguments.of(name, breakIt, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void aBrokenFieldIsOneLineNamingTheFile(String name, Consumer<ObjectNode> breakIt, String problem)
            throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(CASE.toFile());
        breakIt.accept(json);
        Path file = dir.resolve("case.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        assertBadInput(file, problem, () -> SourceFormat.HF_ORACLE.read(file, GPT2));
    }

    @Test
    void aTruncatedCaseIsOneLineWithThePosition() throws IOException {
        String whole = Files.readString(CASE);
        Path file = write(dir.resolve("case.json"), whole.substring(0, whole.indexOf("3139")));
        assertBadInput(file, "Unexpected end-of-input", () -> SourceFormat.HF_ORACLE.read(file, GPT2));
        assertBadInput(file, "line ", () -> TraceSources.read(file, GPT2));
    }

    @Test
    void anEmptyFileIsRefused() {
        Path file = write(dir.resolve("case.json"), "  \n");
        assertBadInput(file, "empty file", () -> SourceFormat.HF_ORACLE.read(file, GPT2));
    }

    @Test
    void aJsonArrayIsNotACase() {
        Path file = write(dir.resolve("case.json"), "[262, 3139]");
        assertBadInput(file, "holds an array, not a JSON object", () -> SourceFormat.HF_ORACLE.read(file, GPT2));
    }
}
