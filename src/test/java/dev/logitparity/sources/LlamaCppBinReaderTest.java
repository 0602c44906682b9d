package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.assertBadInput;
import static dev.logitparity.sources.SourceFixtures.assertRow;
import static dev.logitparity.sources.SourceFixtures.write;
import static dev.logitparity.sources.SourceFixtures.writeBytes;
import static dev.logitparity.sources.SourceFixtures.writeFloats;
import static dev.logitparity.sources.SourceFixtures.writeInts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llama-debug --save-logits files: one row of last-position logits beside the prompt's ids. */
class LlamaCppBinReaderTest {
    private static final int VOCAB = 8;
    // Token 5 is the largest: the greedy choice the single row implies.
    private static final float[] LAST_ROW = {-1f, 0.5f, 2f, -3f, 0f, 7.25f, Float.NEGATIVE_INFINITY, 1f};
    private static final SourceContext MODEL = SourceContext.none().withVocab(VOCAB);

    @TempDir
    Path dir;
    private Path logits;
    private Path tokens;
    private Path prompt;

    @BeforeEach
    void writeWhatLlamaDebugWrites() {
        logits = writeFloats(dir.resolve("llamacpp-tiny.bin"), LAST_ROW);
        tokens = writeInts(dir.resolve("llamacpp-tiny-tokens.bin"), 1, 4, 3);
        prompt = write(dir.resolve("llamacpp-tiny-prompt.txt"), "prompt: Hi\nthere\nn_tokens: 3\ntoken ids: 1, 4, 3\n");
    }

    @Test
    void oneRowIsAOneStepFreeRunAfterTheWholePrompt() {
        try (Trace trace = TraceSources.read(logits, MODEL)) {
            assertArrayEquals(new int[]{1, 4, 3}, trace.promptTokens());
            assertArrayEquals(new int[]{5}, trace.tokens(), "the last step's token is the row's argmax");
            assertRow(LAST_ROW, trace.logits().orElseThrow(), 0);
            assertEquals("llama.cpp-debug", trace.info().source());
            assertEquals("tiny", trace.info().model());
            assertEquals("Hi\nthere", trace.info().prompt(), "the prompt may span lines");
            assertEquals(CaptureMode.FREE_RUN, trace.info().mode());
            assertEquals("1", trace.info().settings().get("logits_rows"));
        }
    }

    @Test
    void theTokenFileStandsForThePair() {
        try (Trace trace = TraceSources.read(tokens, MODEL)) {
            assertArrayEquals(new int[]{5}, trace.tokens());
            assertRow(LAST_ROW, trace.logits().orElseThrow(), 0);
        }
    }

    @Test
    void withoutTheModelsVocabTheFileIsTakenAsOneRow() {
        try (Trace trace = TraceSources.read(logits, SourceContext.none())) {
            assertEquals(VOCAB, trace.logits().orElseThrow().vocab());
            assertEquals("file size, taken as one row", trace.info().settings().get("vocab_from"));
        }
    }

    @Test
    void severalRowsAreTheLastPositionsTeacherForcedOnTheFilesIds() {
        float[] rows = new float[3 * VOCAB];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (i * 37 % 11) - 5f;
        }
        writeFloats(logits, rows);
        writeInts(tokens, 1, 4, 3, 6);
        write(prompt, "prompt: Hey\nn_tokens: 4\ntoken ids: 1, 4, 3, 6\n");
        try (Trace trace = TraceSources.read(logits, MODEL)) {
            assertArrayEquals(new int[]{1, 4}, trace.promptTokens(), "row 0 sits at position 1");
            int lastArgmax = argmax(Arrays.copyOfRange(rows, 2 * VOCAB, 3 * VOCAB));
            assertArrayEquals(new int[]{3, 6, lastArgmax}, trace.tokens());
            assertEquals(CaptureMode.TEACHER_FORCED, trace.info().mode());
            Logits read = trace.logits().orElseThrow();
            for (int step = 0; step < 3; step++) {
                assertRow(Arrays.copyOfRange(rows, step * VOCAB, (step + 1) * VOCAB), read, step);
            }
        }
    }

    @Test
    void modelConversionsTransformersFilesNameTheirSource() {
        Path hf = writeFloats(dir.resolve("pytorch-tiny.bin"), LAST_ROW);
        writeInts(dir.resolve("pytorch-tiny-tokens.bin"), 1, 4, 3);
        try (Trace trace = TraceSources.read(hf, MODEL.withPrompt("anything"))) {
            assertEquals("transformers", trace.info().source());
            assertEquals("anything", trace.info().prompt(), "no prompt file: the user's prompt");
        }
    }

    @Test
    void aSizeThatIsNotWholeRowsOfTheVocabIsRefused() {
        writeFloats(logits, new float[VOCAB + 2]);
        assertBadInput(logits, "40 bytes are not whole rows of the model's vocab 8 (32 bytes a row)",
                () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void aSizeThatIsNotWholeFloatsIsRefused() {
        writeBytes(logits, new byte[7]);
        assertBadInput(logits, "7 bytes are not a whole number of float32 logits",
                () -> SourceFormat.LLAMA_CPP_BIN.read(logits, MODEL));
    }

    @Test
    void aTokenFileThatIsNotWholeIdsIsRefusedByName() {
        writeBytes(tokens, new byte[6]);
        assertBadInput(tokens, "6 bytes are not a whole number of int32 token ids",
                () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void emptyFilesAreRefused() {
        writeBytes(tokens, new byte[0]);
        assertBadInput(tokens, "empty file", () -> SourceFormat.LLAMA_CPP_BIN.read(logits, MODEL));
        writeInts(tokens, 1);
        writeBytes(logits, new byte[0]);
        assertBadInput(logits, "empty file", () -> SourceFormat.LLAMA_CPP_BIN.read(logits, MODEL));
    }

    @Test
    void moreRowsThanPositionsIsRefused() {
        writeFloats(logits, new float[3 * VOCAB]);
        writeInts(tokens, 1, 4);
        assertBadInput(logits, "3 logits rows but llamacpp-tiny-tokens.bin holds 2 token ids",
                () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void aPromptFileWhoseCountDisagreesWithTheIdsIsRefused() {
        write(prompt, "prompt: Hi\nn_tokens: 4\ntoken ids: 1, 4, 3, 2\n");
        assertBadInput(prompt, "n_tokens is 4 but llamacpp-tiny-tokens.bin holds 3 ids",
                () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void aPromptFileInAnotherLayoutIsRefused() {
        write(prompt, "Hi there");
        assertBadInput(prompt, "not llama-debug's layout", () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void aPromptThatDiffersFromTheUsersIsRefused() {
        assertBadInput(logits, "differs from the given prompt 'Hello'",
                () -> TraceSources.read(logits, MODEL.withPrompt("Hello")));
    }

    @Test
    void aNegativeIdIsRefusedByName() {
        writeInts(tokens, 1, -4, 3);
        assertBadInput(tokens, "id 1 is -4, not a token id", () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void anIdOutsideTheVocabIsRefused() {
        writeInts(tokens, 1, 9, 3);
        assertBadInput(logits, "outside the model's vocab of 8", () -> TraceSources.read(logits, MODEL));
    }

    @Test
    void embeddingsAreNotLogits() {
        Path embeddings = writeFloats(dir.resolve("llamacpp-tiny-embeddings.bin"), LAST_ROW);
        writeInts(dir.resolve("llamacpp-tiny-embeddings-tokens.bin"), 1, 4, 3);
        assertBadInput(embeddings, "holds embeddings", () -> TraceSources.read(embeddings, MODEL));
    }

    @Test
    void aLogitsFileWithoutItsTokenFileIsRefusedWhenReadAsThisFormat() {
        Path alone = writeFloats(dir.resolve("alone.bin"), LAST_ROW);
        assertBadInput(alone, "no sibling <name>-tokens.bin", () -> SourceFormat.LLAMA_CPP_BIN.read(alone, MODEL));
    }

    private static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
