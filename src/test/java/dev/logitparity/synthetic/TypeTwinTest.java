package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeTwinTest {

    @TempDir
    Path dir;

    private final ModelGenerator generator = new ModelGenerator(TestFiles.vocabDir());

    /**
     * The generator writes each type from the same float weights, so converting its F32 file must give its own F16
     * and Q8_0 files byte for byte: same metadata, same tensor types (1-D and position embeddings kept F32), same
     * quantisation.
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void twinOfAGeneratedF32ModelIsTheGeneratorsOwnTwinByteForByte(Architecture arch) throws IOException {
        ModelSpec f32 = ModelCatalog.small(arch, GgmlType.F32, 9);
        Path original = generator.generate(f32, dir.resolve("original"));
        for (GgmlType type : new GgmlType[] {GgmlType.F16, GgmlType.Q8_0}) {
            Path expected = generator.generate(f32.withType(type), dir.resolve("generated"));
            Path twin = TypeTwin.write(original, type, dir.resolve("twins"));
            assertEquals(expected.getFileName(), twin.getFileName());
            assertEquals(-1L, Files.mismatch(expected, twin), twin.toString());
        }
    }

    @Test
    void aQuantisedSourceIsRefusedNamingTheTensorAndNothingIsWritten() throws IOException {
        Path q8 = generator.generate(ModelCatalog.small(Architecture.LLAMA, GgmlType.Q8_0, 1), dir);
        Path renamed = Files.move(q8, dir.resolve("fake-f32.gguf"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TypeTwin.write(renamed, GgmlType.F16, dir.resolve("out")));
        assertEquals(renamed + ": tensor 'token_embd.weight' is Q8_0, not F32", e.getMessage());
        assertFalse(Files.exists(dir.resolve("out/fake-f16.gguf")));
    }

    @Test
    void aSourceNotNamedAsAnF32OriginalIsRefused() throws IOException {
        Path f16 = generator.generate(ModelCatalog.small(Architecture.LLAMA, GgmlType.F16, 1), dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TypeTwin.write(f16, GgmlType.Q8_0, dir));
        assertTrue(e.getMessage().endsWith("an F32 original must be named *-f32.gguf"), e.getMessage());
    }
}
