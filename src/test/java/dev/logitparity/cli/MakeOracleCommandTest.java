package dev.logitparity.cli;

import dev.logitparity.TestModels;
import dev.logitparity.synthetic.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shipped {@code oracle/generated} cases are what {@code make-oracle} writes today: a change to the reference
 * engine, the tokenizer or the generated models that moves a single token shows here, not as a matrix that quietly
 * drifts from its oracle. All sixteen cases are regenerated (about 30 s of f64 decoding).
 */
class MakeOracleCommandTest {
    private static final Path ORACLE = Path.of(System.getProperty("logitparity.oracle", "oracle"));

    @Test
    void regeneratingTheShippedCasesGivesTheCommittedFilesByteForByte(@TempDir Path dir) throws IOException {
        Path shipped = ORACLE.resolve("generated");
        List<String> arguments = new ArrayList<>(List.of("make-oracle"));
        for (String model : new String[] {"gpt2", "llama", "qwen2", ModelCatalog.TRAINED_LLAMA}) {
            arguments.add(TestModels.path(model, "f32").toString());
        }
        arguments.addAll(List.of("--prompts-from", ORACLE.toString(), "--out", dir.toString()));

        CliRun run = CliRun.of(arguments.toArray(String[]::new));

        assertEquals(0, run.status(), run.err());
        List<Path> committed = caseFiles(shipped);
        assertEquals(committed, caseFiles(dir), "the same case files");
        assertEquals(16, committed.size(), committed.toString());
        assertEquals(committed.stream().map(f -> dir.resolve(f).toString()).toList(), run.out().lines().sorted().toList());
        for (Path file : committed) {
            assertEquals(Files.readString(shipped.resolve(file)), Files.readString(dir.resolve(file)),
                    file + " drifted from what make-oracle writes: regenerate oracle/generated (README, The parity matrix)");
        }
    }

    /** Every {@code <slug>/<prompt>.json} under {@code root}, relative to it, sorted. */
    private static List<Path> caseFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
