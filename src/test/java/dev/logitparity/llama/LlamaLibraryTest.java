package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlamaLibraryTest {

    private final LlamaLibrary library = LlamaLibrary.load();

    @Test
    void loadsOncePerJvmAndNamesTheCpuKernelInUse() {
        assertSame(library, LlamaLibrary.load());
        assertTrue(library.cpuBackend().matches("libggml-cpu-[a-z0-9_]+\\.so"), library.cpuBackend());
        assertTrue(library.systemInfo().contains("CPU"), library.systemInfo());
    }

    @Test
    void refusesASecondLibraryConfigurationInTheSameJvm() {
        LibrarySettings other = new LibrarySettings(library.settings().dir(), java.util.Optional.of("haswell"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LlamaLibrary.load(other));
        assertTrue(e.getMessage().contains("separate JVM"), e.getMessage());
    }

    @Test
    void missingModelIsBadInputNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.gguf");
        BadInputException e = assertThrows(BadInputException.class,
                () -> library.loadModel(missing, ModelSettings.defaults()));
        assertEquals(missing + ": model file does not exist", e.getMessage());
    }

    @Test
    void nonGgufFileIsBadInputNamingThePath(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.gguf"), "this is not a model\n".repeat(20));
        BadInputException e = assertThrows(BadInputException.class,
                () -> library.loadModel(text, ModelSettings.defaults()));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
