package dev.logitparity.trace;

import static dev.logitparity.trace.TraceFixtures.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.Python;
import dev.logitparity.Python.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NPY files are numpy's own format, checked against numpy itself where python3 has it. */
class NumpyInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireNumpy() {
        Python.require("numpy");
    }

    @Test
    void numpyLoadsALogitsFileWithTheTraceShapeAndTheSameBits() throws IOException {
        TraceWriter.write(TraceFixtures.trace(4, 9), dir.resolve("run"));

        Result result = Python.run("""
                import json, sys, numpy
                a = numpy.load(sys.argv[1])
                print(json.dumps({"shape": list(a.shape), "dtype": a.dtype.str, "c": bool(a.flags.c_contiguous),
                                  "bits": a.view('<u4').ravel().tolist()}))
                """, dir.resolve("run/logits.npy").toString());
        assertEquals(0, result.exitCode(), result.output());
        JsonNode loaded = JSON.readTree(result.output());
        assertEquals("[4,9]", loaded.get("shape").toString());
        assertEquals("<f4", loaded.get("dtype").asText());
        assertEquals(true, loaded.get("c").asBoolean());
        float[] expected = TraceFixtures.values(4, 9);
        float[] actual = new float[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = Float.intBitsToFloat((int) loaded.get("bits").get(i).asLong());
        }
        assertSameBits(actual, InMemoryLogits.wrap(9, expected));
    }

    @Test
    void theWriterProducesTheFileNumpySaveProducesByteForByte() throws IOException {
        float[] values = TraceFixtures.values(3, 151);
        Path ours = dir.resolve("ours.npy");
        NpyWriter.write(InMemoryLogits.wrap(151, values), ours);
        Path theirs = dir.resolve("theirs.npy");

        Result result = Python.run("""
                import sys, numpy
                a = numpy.fromfile(sys.argv[1], dtype='<f4', offset=int(sys.argv[2])).reshape(3, 151)
                numpy.save(sys.argv[3], a)
                """, ours.toString(), Integer.toString(NpyHeader.encode(3, 151).length), theirs.toString());
        assertEquals(0, result.exitCode(), result.output());
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    }

    @Test
    void filesNumpyWritesInVersions1And2AreRead() throws IOException {
        for (String version : List.of("(1, 0)", "(2, 0)")) {
            Path file = dir.resolve("v" + version.charAt(1) + ".npy");
            Result result = Python.run("""
                    import sys, numpy
                    from numpy.lib import format
                    a = numpy.arange(12, dtype='<f4').reshape(3, 4) / 8
                    with open(sys.argv[1], 'wb') as f:
                        format.write_array(f, a, version=%s)
                    """.formatted(version), file.toString());
            assertEquals(0, result.exitCode(), result.output());
            try (NpyLogits logits = NpyLogits.open(file)) {
                float[] expected = new float[12];
                for (int i = 0; i < 12; i++) {
                    expected[i] = i / 8f;
                }
                assertSameBits(expected, logits);
            }
        }
    }
}
