package dev.logitparity.cli;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.gguf.TestFiles;
import dev.logitparity.synthetic.Architecture;
import dev.logitparity.synthetic.ModelCatalog;
import dev.logitparity.synthetic.ModelGenerator;
import dev.logitparity.synthetic.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MakeModelsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "make-models";
        System.arraycopy(args, 0, full, 1, args.length);
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), full);
    }

    private void assertOneLineError(String expectedStart) {
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.getFirst().startsWith(expectedStart), lines.getFirst());
    }

    @Test
    void writesTheNineSmallModelsOneLineEach() {
        Path models = dir.resolve("models");
        assertEquals(0, run("--vocab-dir", TestFiles.vocabDir().toString(), "--out", models.toString(), "--seed", "3"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(9, lines.size(), out.toString());
        for (ModelSpec spec : ModelCatalog.smallModels(3)) {
            Path file = models.resolve(spec.fileName());
            assertTrue(Files.isRegularFile(file), file.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(file.toString())), spec.fileName());
        }
        assertEquals("", err.toString());
    }

    @Test
    void twinsOfATrainedModelAreWrittenBesideTheSmallModels() throws IOException {
        Path models = dir.resolve("models");
        Path original = new ModelGenerator(TestFiles.vocabDir())
                .generate(ModelCatalog.small(Architecture.LLAMA, GgmlType.F32, 4).withName("trained"), dir);
        assertEquals(0, run("--vocab-dir", TestFiles.vocabDir().toString(), "--out", models.toString(),
                "--twins-of", original.toString()), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(11, lines.size(), out.toString());
        for (String twin : List.of("trained-f16.gguf", "trained-q8_0.gguf")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(models.resolve(twin).toString())), twin);
            try (GgufFile f = GgufFile.open(models.resolve(twin))) {
                assertEquals(GgufValue.string("trained"), f.require("general.name"));
            }
        }
    }

    @Test
    void twinsOfAMissingFileIsOneLineBeforeAnythingIsWritten() {
        Path models = dir.resolve("models");
        Path missing = dir.resolve("absent-f32.gguf");
        assertEquals(2, run("--vocab-dir", TestFiles.vocabDir().toString(), "--out", models.toString(),
                "--twins-of", missing.toString()));
        assertOneLineError("divergence-locate: --twins-of " + missing + ": no such file");
        assertFalse(Files.exists(models));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("--vocab-dir", "x", "--out", "y", "--colour"));
        assertOneLineError("divergence-locate: Unknown option: '--colour'");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        assertEquals(2, run("--vocab-dir", TestFiles.vocabDir().toString()));
        assertOneLineError("divergence-locate: Missing required option");
    }

    @Test
    void badShapesValueIsAUsageError() {
        assertEquals(2, run("--vocab-dir", "x", "--out", "y", "--shapes", "huge"));
        assertOneLineError("divergence-locate: Invalid value for option '--shapes'");
    }

    @Test
    void nonNumericSeedIsAUsageError() {
        assertEquals(2, run("--vocab-dir", "x", "--out", "y", "--seed", "abc"));
        assertOneLineError("divergence-locate: Invalid value for option '--seed'");
    }

    @Test
    void vocabDirThatIsNotADirectoryIsAUsageError() {
        assertEquals(2, run("--vocab-dir", dir.resolve("nope").toString(), "--out", dir.toString()));
        assertOneLineError("divergence-locate: --vocab-dir " + dir.resolve("nope") + ": not a directory");
    }

    @Test
    void vocabDirWithoutTheTokenizersIsAUsageErrorNamingTheFile() {
        assertEquals(2, run("--vocab-dir", dir.toString(), "--out", dir.resolve("out").toString()));
        assertOneLineError("divergence-locate: " + dir.resolve("ggml-vocab-gpt-2.gguf") + ": no such file");
    }
}
