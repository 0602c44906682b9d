package dev.logitparity.sources;

import static dev.logitparity.sources.SourceFixtures.assertBadInput;
import static dev.logitparity.sources.SourceFixtures.assertRow;
import static dev.logitparity.sources.SourceFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;
import dev.logitparity.trace.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own trace folder comes through the same entry point, unchanged, with the same one-line errors. */
class NativeTraceSourceTest {
    private static final float[] ROWS = {0.5f, -1f, 2f, Float.NEGATIVE_INFINITY, 3f, 0f};
    private static final RunInfo INFO = new RunInfo("llama.cpp", "tiny.gguf", null, "b6000", CaptureMode.FREE_RUN,
            "Hi", Map.of("threads", "2"), "logit-parity test");

    @TempDir
    Path dir;
    private Path folder;

    @BeforeEach
    void writeATrace() throws IOException {
        folder = dir.resolve("run");
        TraceWriter.write(Trace.of(INFO, new int[]{1, 2}, new int[]{2, 0}, InMemoryLogits.wrap(3, ROWS)), folder);
    }

    @Test
    void aTraceFolderReadsBackAsWritten() {
        try (Trace trace = TraceSources.read(folder, SourceContext.none())) {
            assertEquals(INFO, trace.info());
            assertArrayEquals(new int[]{1, 2}, trace.promptTokens());
            assertArrayEquals(new int[]{2, 0}, trace.tokens());
            assertRow(new float[]{0.5f, -1f, 2f}, trace.logits().orElseThrow(), 0);
            assertRow(new float[]{Float.NEGATIVE_INFINITY, 3f, 0f}, trace.logits().orElseThrow(), 1);
        }
    }

    @Test
    void itsManifestStandsForTheFolder() {
        try (Trace trace = TraceSources.read(folder.resolve("trace.json"), SourceContext.none())) {
            assertArrayEquals(new int[]{2, 0}, trace.tokens());
        }
    }

    @Test
    void aBrokenManifestIsOneLineNamingIt() throws IOException {
        Path manifest = folder.resolve("trace.json");
        String json = Files.readString(manifest);
        write(manifest, json.replace("\"steps\" : 2", "\"steps\" : \"two\""));
        assertBadInput(manifest, "at steps:", () -> TraceSources.read(folder, SourceContext.none()));
    }

    @Test
    void missingLogitsAreOneLineNamingThem() throws IOException {
        Path logits = folder.resolve("logits.npy");
        Files.delete(logits);
        assertBadInput(logits, "no such file", () -> TraceSources.read(folder, SourceContext.none()));
    }

    @Test
    void aManifestUnderAnotherNameIsRefused() throws IOException {
        Path copy = Files.copy(folder.resolve("trace.json"), dir.resolve("copy.json"));
        assertEquals(SourceFormat.NATIVE, TraceSources.detect(copy));
        assertBadInput(copy, "is read from its folder, where it is named trace.json",
                () -> TraceSources.read(copy, SourceContext.none()));
    }
}
