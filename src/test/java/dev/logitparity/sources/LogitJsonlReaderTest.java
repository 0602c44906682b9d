package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.DIGITS;
import static dev.logitparity.sources.SourceFixtures.assertBadInput;
import static dev.logitparity.sources.SourceFixtures.assertRow;
import static dev.logitparity.sources.SourceFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Trace;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON-lines dump runtime authors are asked for: header, then one step per line. */
class LogitJsonlReaderTest {
    private static final String HEADER = """
            {"format":"logit-parity-jsonl","version":1,"runtime":"myrt 0.3","model":"tiny.gguf","prompt":"12",\
            "prompt_tokens":[1,2],"vocab":5,"mode":"teacher-forced","settings":{"threads":8,"dtype":"f16"}}""";
    private static final SourceContext MODEL = SourceContext.none().withTokenizer(DIGITS).withVocab(5);

    @TempDir
    Path dir;

    private Path jsonl(String... lines) {
        return write(dir.resolve("dump.jsonl"), String.join("\n", lines) + "\n");
    }

    @Test
    void fullRowsWithAHeaderReadAsEveryValueAndTheHeadersMetadata() {
        Path file = jsonl(HEADER,
                "{\"step\":0,\"token\":3,\"logits\":[0.5,-1,2,3.25,-Infinity]}",
                "{\"step\":1,\"token\":0,\"piece\":\"ignored\",\"logits\":[1e3,NaN,0,-0.0,Infinity]}");
        try (Trace trace = TraceSources.read(file, SourceContext.none())) {
            assertArrayEquals(new int[]{1, 2}, trace.promptTokens());
            assertArrayEquals(new int[]{3, 0}, trace.tokens());
            InMemoryLogits logits = assertInstanceOf(InMemoryLogits.class, trace.logits().orElseThrow());
            assertRow(new float[]{0.5f, -1f, 2f, 3.25f, Float.NEGATIVE_INFINITY}, logits, 0);
            assertRow(new float[]{1000f, Float.NaN, 0f, -0.0f, Float.POSITIVE_INFINITY}, logits, 1);
            assertEquals("myrt 0.3", trace.info().source());
            assertEquals("tiny.gguf", trace.info().model());
            assertEquals("12", trace.info().prompt());
            assertEquals(CaptureMode.TEACHER_FORCED, trace.info().mode());
            assertEquals("8", trace.info().settings().get("threads"));
            assertEquals("f16", trace.info().settings().get("dtype"));
        }
    }

    @Test
    void withoutAHeaderThePromptIsTheUsersTokenisedAndTheRunIsFree() {
        Path file = jsonl("{\"step\":0,\"token\":4,\"logits\":[0,0,0,0,1]}");
        try (Trace trace = TraceSources.read(file, MODEL.withPrompt("34"))) {
            assertArrayEquals(new int[]{SourceFixtures.BOS, 3, 4}, trace.promptTokens());
            assertEquals("jsonl", trace.info().source());
            assertEquals(CaptureMode.FREE_RUN, trace.info().mode());
            assertEquals(1.0f, trace.logits().orElseThrow().get(0, 4));
        }
    }

    @Test
    void topRowsAreTopKLogitsWithEveryOtherTokenNegativeInfinity() {
        Path file = jsonl(HEADER,
                "{\"step\":0,\"token\":3,\"top\":[[3,-0.1],[1,-2.5]]}",
                "{\"step\":1,\"token\":4,\"top\":[[4,-0.7]]}");
        try (Trace trace = TraceSources.read(file, SourceContext.none())) {
            TopKLogits logits = assertInstanceOf(TopKLogits.class, trace.logits().orElseThrow());
            assertEquals(5, logits.vocab());
            assertArrayEquals(new int[]{1, 3}, logits.listedTokens(0));
            assertRow(new float[]{Float.NEGATIVE_INFINITY, -2.5f, Float.NEGATIVE_INFINITY, -0.1f,
                    Float.NEGATIVE_INFINITY}, logits, 0);
            assertEquals(-0.7f, logits.get(1, 4));
        }
    }

    @Test
    void topRowsWithoutAHeaderTakeTheModelsVocab() {
        Path file = jsonl("{\"step\":0,\"token\":2,\"top\":[[2,1.5]]}");
        try (Trace trace = TraceSources.read(file, MODEL.withPrompt("3"))) {
            assertEquals(5, trace.logits().orElseThrow().vocab());
        }
    }

    @Test
    void stepsWithoutValuesAreATokensOnlyTrace() {
        Path file = jsonl(HEADER, "{\"step\":0,\"token\":3}", "{\"step\":1,\"token\":1}");
        try (Trace trace = TraceSources.read(file, SourceContext.none())) {
            assertArrayEquals(new int[]{3, 1}, trace.tokens());
            assertTrue(trace.logits().isEmpty());
        }
    }

    @Test
    void aHeaderAloneIsARunOfNoSteps() {
        try (Trace trace = TraceSources.read(jsonl(HEADER), SourceContext.none())) {
            assertEquals(0, trace.steps());
        }
    }

    static Stream<Arguments> brokenDumps() {
        String step0 = "{\"step\":0,\"token\":3,\"logits\":[0,1,2,3,4]}";
        return Stream.of(
                Arguments.of("a skipped step",
                        new String[]{HEADER, step0, "{\"step\":2,\"token\":3,\"logits\":[0,1,2,3,4]}"},
                        "line 3: step 2 where step 1 was expected"),
                Arguments.of("steps out of order", new String[]{"{\"step\":1,\"token\":3}", "{\"step\":0,\"token\":3}"},
                        "line 1: step 1 where step 0 was expected"),
                Arguments.of("a shorter row", new String[]{step0, "{\"step\":1,\"token\":3,\"logits\":[0,1,2,3]}"},
                        "line 2: step 1 has 4 logits but earlier steps have 5"),
                Arguments.of("a longer row", new String[]{step0, "{\"step\":1,\"token\":3,\"logits\":[0,1,2,3,4,5]}"},
                        "line 2: step 1 has 6 logits but earlier steps have 5"),
                Arguments.of("full rows then top rows", new String[]{step0, "{\"step\":1,\"token\":3,\"top\":[[3,1]]}"},
                        "line 2: step 1 gives top-k pairs but earlier steps give full logits"),
                Arguments.of("both logits and top", new String[]{"{\"step\":0,\"token\":3,\"logits\":[1],\"top\":[]}"},
                        "line 1: gives both \"logits\" and \"top\""),
                Arguments.of("no token", new String[]{"{\"step\":0,\"logits\":[0,1,2,3,4]}"},
                        "line 1: step 0 has no \"token\""),
                Arguments.of("a token as text", new String[]{"{\"step\":0,\"token\":\"3\"}"},
                        "line 1: token is a string (\"3\"), not an integer"),
                Arguments.of("a fractional step", new String[]{"{\"step\":0.5,\"token\":3}"},
                        "line 1: step is a number (0.5), not an integer"),
                Arguments.of("a logit as text", new String[]{"{\"step\":0,\"token\":3,\"logits\":[0,\"1\"]}"},
                        "line 1: logits[1] is a string (\"1\"), not a number"),
                Arguments.of("logits not an array", new String[]{"{\"step\":0,\"token\":3,\"logits\":{}}"},
                        "line 1: \"logits\" is an object, not an array of numbers"),
                Arguments.of("a top entry listed twice", new String[]{"{\"step\":0,\"token\":3,\"top\":[[3,1],[3,2]]}"},
                        "line 1: step 0: token 3 is listed twice"),
                Arguments.of("a top entry outside the vocab", new String[]{"{\"step\":0,\"token\":3,\"top\":[[7,1]]}"},
                        "line 1: step 0: token 7 is outside vocab 5"),
                Arguments.of("a top entry that is no pair", new String[]{"{\"step\":0,\"token\":3,\"top\":[[3,1,2]]}"},
                        "line 1: top[0] is not an [id, value] pair"),
                Arguments.of("a header after a step", new String[]{step0, HEADER},
                        "line 2: no \"step\" (only the first line may be the header)"),
                Arguments.of("a header of another format", new String[]{"{\"format\":\"other\",\"version\":1}"},
                        "line 1: neither a step (no \"step\") nor a header (\"format\" is a string (\"other\")"),
                Arguments.of("a future version", new String[]{HEADER.replace("\"version\":1", "\"version\":2")},
                        "line 1: unsupported version a number (2) (want 1)"),
                Arguments.of("an unknown mode", new String[]{HEADER.replace("teacher-forced", "beam")},
                        "line 1: \"mode\" is 'beam', want \"free-run\" or \"teacher-forced\""),
                Arguments.of("prompt ids as text", new String[]{HEADER.replace("[1,2]", "[\"1\",2]")},
                        "prompt_tokens[0] is a string (\"1\"), not a token id"),
                Arguments.of("a line that is no object", new String[]{step0, "[1,2]"},
                        "line 2: expected one JSON object per line, found an array"),
                Arguments.of("a truncated last line", new String[]{step0, "{\"step\":1,\"token\":3,\"logits\":[0,1,"},
                        "Unexpected end-of-input"),
                Arguments.of("a token outside the vocab",
                        new String[]{"{\"step\":0,\"token\":9,\"logits\":[0,1,2,3,4]}"},
                        "token 0 is id 9, outside the model's vocab of 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenDumps")
    void brokenDumpsAreOneLineNamingTheFileAndLine(String name, String[] lines, String problem) {
        Path file = jsonl(lines);
        assertBadInput(file, problem, () -> SourceFormat.LOGIT_JSONL.read(file, MODEL.withPrompt("12")));
    }

    @Test
    void topRowsWithoutAnyVocabAreRefused() {
        Path file = jsonl("{\"step\":0,\"token\":2,\"top\":[[2,1.5]]}");
        assertBadInput(file, "line 1: top-k rows need the vocab size",
                () -> TraceSources.read(file, SourceContext.none().withTokenizer(DIGITS).withPrompt("3")));
    }

    @Test
    void aHeaderVocabUnlikeTheModelsIsRefused() {
        Path file = jsonl(HEADER, "{\"step\":0,\"token\":2,\"top\":[[2,1.5]]}");
        assertBadInput(file, "line 1: the header's vocab 5 differs from the model's 7",
                () -> TraceSources.read(file, MODEL.withVocab(7)));
    }

    @Test
    void rowsUnlikeTheHeadersVocabAreRefused() {
        Path file = jsonl(HEADER.replace("\"vocab\":5", "\"vocab\":6"),
                "{\"step\":0,\"token\":3,\"logits\":[0,1,2,3,4]}");
        assertBadInput(file, "line 2: step 0 has 5 logits but the vocab is 6",
                () -> TraceSources.read(file, SourceContext.none()));
    }

    @Test
    void anEmptyFileIsRefused() {
        Path file = write(dir.resolve("dump.jsonl"), "\n\n");
        assertBadInput(file, "empty file", () -> SourceFormat.LOGIT_JSONL.read(file, MODEL));
    }
}
