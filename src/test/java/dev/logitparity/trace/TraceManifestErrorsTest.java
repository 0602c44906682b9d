package dev.logitparity.trace;

import static dev.logitparity.trace.TraceFixtures.assertOneLineNaming;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a trace.json can be wrong ends in one TraceFormatException line naming the file and the fault. */
class TraceManifestErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path folder;
    private Path manifest;

    @BeforeEach
    void writeAValidThreeStepTrace() throws IOException {
        folder = dir.resolve("run");
        manifest = folder.resolve("trace.json");
        TraceWriter.write(TraceFixtures.trace(3, 5), folder);
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                broken("missing steps", json -> json.remove("steps"), "missing 'steps'"),
                broken("steps as text", json -> json.put("steps", "three"), "at steps:"),
                broken("fractional steps", json -> json.put("steps", 3.5), "at steps:"),
                broken("a token as text", json -> json.withArray("tokens").set(1, "x"), "at tokens[1]:"),
                broken("a null token", json -> json.withArray("tokens").setNull(1), "at tokens[1]:"),
                broken("steps disagree with tokens", json -> json.put("steps", 4), "steps is 4 but there are 3 tokens"),
                broken("unknown mode", json -> json.withObject("info").put("mode", "SIDEWAYS"), "at info.mode:"),
                broken("no source", json -> json.withObject("info").remove("source"), "source is required"),
                broken("no info", json -> json.remove("info"), "missing 'info'"),
                broken("unknown field", json -> json.put("extra", 1), "extra"),
                broken("other format", json -> json.put("format", "safetensors"), "format is 'safetensors'"),
                broken("future version", json -> json.put("version", 2), "unsupported version 2"),
                broken("token outside vocab", json -> json.withArray("tokens").set(0, 5), "outside vocab 5"),
                broken("vocab without logits", json -> json.putNull("logits"), "both be given or both be null"),
                broken("logits outside folder", json -> json.put("logits", "../x.npy"), "must name a file"),
                broken("vocab disagrees with npy", json -> json.put("vocab", 6), "disagree with"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFields")
    void aBrokenFieldIsReportedOnOneLineNamingTraceJson(String name, Consumer<ObjectNode> breakIt, String problem)
            throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
        breakIt.accept(json);
        JSON.writeValue(manifest.toFile(), json);
        assertRejected(manifest, problem);
    }

    @Test
    void textThatIsNotJsonIsReportedWithItsLine() throws IOException {
        Files.writeString(manifest, "{\n  \"format\": oops\n}");
        assertRejected(manifest, "line 2");
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        Files.writeString(manifest, "");
        assertRejected(manifest, "end-of-input");
    }

    @Test
    void trailingContentAfterTheObjectIsRejected() throws IOException {
        Files.writeString(manifest, Files.readString(manifest) + " {}");
        assertRejected(manifest, "Trailing token");
    }

    @Test
    void aFolderWithoutTraceJsonIsNotATrace() throws IOException {
        Files.delete(manifest);
        assertRejected(manifest, "not a trace folder");
    }

    @Test
    void aMissingLogitsFileIsNamed() throws IOException {
        Path logits = folder.resolve("logits.npy");
        Files.delete(logits);
        assertRejected(logits, "no such file");
    }

    @Test
    void aLogitsFileWithOtherStepsThanTraceJsonIsRejected() throws IOException {
        NpyWriter.write(InMemoryLogits.wrap(5, new float[10]), folder.resolve("logits.npy"));
        assertRejected(manifest, "logits.npy, which holds 2 x 5");
    }

    @Test
    void aMalformedLogitsFileIsNamed() throws IOException {
        Path logits = folder.resolve("logits.npy");
        byte[] bytes = Files.readAllBytes(logits);
        Files.write(logits, Arrays.copyOf(bytes, bytes.length - 4));
        assertRejected(logits, "truncated");
    }

    private void assertRejected(Path file, String problem) {
        TraceFormatException e = assertThrows(TraceFormatException.class, () -> TraceReader.read(folder).close());
        assertOneLineNaming(file, e, problem);
    }

    private static Arguments broken(String name, Consumer<ObjectNode> breakIt, String problem) {
        return Arguments.of(name, breakIt, problem);
    }
}
