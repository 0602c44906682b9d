package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.CHARS;
import static dev.logitparity.sources.SourceFixtures.assertBadInput;
import static dev.logitparity.sources.SourceFixtures.resource;
import static dev.logitparity.sources.SourceFixtures.write;
import static dev.logitparity.sources.SourceFixtures.writeBytes;
import static dev.logitparity.sources.SourceFixtures.writeFloats;
import static dev.logitparity.sources.SourceFixtures.writeInts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.BadInputException;
import dev.logitparity.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format is told by content: a misleading extension changes nothing, an unknown file says what is understood. */
class FormatDetectionTest {
    private static final SourceContext MODEL = SourceContext.none().withTokenizer(CHARS).withVocab(60_000)
            .withPrompt("The capital of France is");

    @TempDir
    Path dir;

    @Test
    void anOracleCaseNamedLikeABinaryIsStillAnOracleCase() throws IOException {
        Path file = dir.resolve("case.bin");
        Files.copy(resource("gpt2-124m-completion.json"), file);
        assertEquals(SourceFormat.HF_ORACLE, TraceSources.detect(file));
        try (Trace trace = TraceSources.read(file, MODEL)) {
            assertEquals(32, trace.steps());
        }
    }

    @Test
    void aMinifiedOracleCaseOnOneLineIsNotJsonLines() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve("case.jsonl");
        json.writeValue(file.toFile(), json.readTree(resource("gpt2-124m-completion.json").toFile()));
        assertEquals(SourceFormat.HF_ORACLE, TraceSources.detect(file));
    }

    @Test
    void aprOutputNamedLikeTextIsAprOutput() {
        Path file = write(dir.resolve("out.txt"), "\uFEFF\n  {\"text\": \" Paris\", \"tokens\": [12095]}\n");
        assertEquals(SourceFormat.APR_JSON, TraceSources.detect(file));
        try (Trace trace = TraceSources.read(file, MODEL)) {
            assertArrayEquals(new int[]{12095}, trace.tokens());
        }
    }

    @Test
    void jsonLinesAreRecognisedByTheirHeaderOrTheirFirstStep() {
        String header = "{\"format\":\"logit-parity-jsonl\",\"version\":1,\"prompt_tokens\":[1]}";
        String step = "{\"step\":0,\"token\":2,\"logits\":[0,0,1]}";
        assertEquals(SourceFormat.LOGIT_JSONL, TraceSources.detect(write(dir.resolve("a.json"), header + "\n" + step)));
        assertEquals(SourceFormat.LOGIT_JSONL, TraceSources.detect(write(dir.resolve("b.dat"), step + "\n")));
        assertEquals(SourceFormat.LOGIT_JSONL, TraceSources.detect(write(dir.resolve("c"), header)));
        Path other = write(dir.resolve("d.json"), "{\"runtime\":\"x\"}\n\n" + step);
        assertEquals(SourceFormat.LOGIT_JSONL, TraceSources.detect(other), "a first object followed by steps");
        assertBadInput(other, "line 1: neither a step", () -> TraceSources.read(other, SourceContext.none()));
    }

    @Test
    void llamaDebugLogitsNamedLikeJsonAreStillLlamaDebugLogits() {
        Path logits = writeFloats(dir.resolve("run.json"), 0.5f, -1f, 4f, 0f);
        writeInts(dir.resolve("run-tokens.bin"), 1, 2);
        assertEquals(SourceFormat.LLAMA_CPP_BIN, TraceSources.detect(logits));
        try (Trace trace = TraceSources.read(logits, SourceContext.none().withVocab(4))) {
            assertArrayEquals(new int[]{2}, trace.tokens());
        }
    }

    @Test
    void aTraceFolderAndItsManifestAreTheNativeFormat() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("run"));
        write(folder.resolve("trace.json"), "{\"format\": \"logit-parity-trace\"}");
        assertEquals(SourceFormat.NATIVE, TraceSources.detect(folder));
        assertEquals(SourceFormat.NATIVE, TraceSources.detect(folder.resolve("trace.json")));
    }

    @Test
    void anUnknownBinaryFileListsTheFormatsUnderstood() {
        Path file = writeBytes(dir.resolve("model.bin"), new byte[]{0, 1, 2, 3, 4, 5, 6, 7});
        BadInputException e = assertBadInput(file, "binary data with no sibling <name>-tokens.bin",
                () -> TraceSources.read(file, MODEL));
        for (SourceFormat format : SourceFormat.values()) {
            assertTrue(e.getMessage().contains(format.description()), format + " listed: " + e.getMessage());
        }
    }

    @Test
    void textThatIsNoJsonObjectIsNotUnderstood() {
        Path file = write(dir.resolve("notes.json"), "[1, 2, 3]");
        assertBadInput(file, "text that is not a JSON object, not a format this tool reads",
                () -> TraceSources.read(file, MODEL));
    }

    @Test
    void anEmptyFileIsNotUnderstood() {
        Path file = write(dir.resolve("out.json"), "");
        assertBadInput(file, "empty file, not a format this tool reads", () -> TraceSources.read(file, MODEL));
    }

    @Test
    void aMissingFileSaysSo() {
        Path file = dir.resolve("absent.json");
        assertBadInput(file, "no such file", () -> TraceSources.read(file, MODEL));
    }

    @Test
    void aBareNpyIsNotATrace() {
        Path file = writeBytes(dir.resolve("logits.npy"), new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        assertBadInput(file, "a bare .npy holds logits without token ids", () -> TraceSources.read(file, MODEL));
    }

    @Test
    void aFolderWithoutManifestIsNotATrace() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("empty"));
        assertBadInput(folder, "a folder without trace.json", () -> TraceSources.read(folder, MODEL));
    }

    @Test
    void truncatedJsonIsOneLineWhereverDetectionStops() {
        Path file = write(dir.resolve("out.bin"), "{\n  \"model_slug\": \"gpt2\",\n  \"tokens\": [262,");
        assertBadInput(file, "line 3", () -> TraceSources.read(file, MODEL));
    }
}
