package dev.logitparity.llama;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the libllama build lives and which ggml CPU kernel variant to use. Both are process-wide: ggml keeps one backend
 * registry per process, so a second variant needs a second JVM.
 *
 * @param dir        folder holding libllama, libggml, libggml-base and (for the prebuilt) the libggml-cpu-* variants
 * @param cpuVariant e.g. "haswell" to load libggml-cpu-haswell.so; empty lets ggml pick the best for this CPU
 */
public record LibrarySettings(Path dir, Optional<String> cpuVariant) {

    public static final String DIR_PROPERTY = "logitparity.lib";
    public static final String DIR_ENV = "LOGIT_PARITY_LIB";
    public static final String CPU_PROPERTY = "logitparity.cpu";
    public static final String CPU_ENV = "LOGIT_PARITY_CPU";

    public LibrarySettings {
        dir = dir.toAbsolutePath().normalize();
        cpuVariant = cpuVariant.filter(v -> !v.isBlank() && !v.equals("auto"));
    }

    /** System property first, then environment variable, then the project's {@code native/lib}. */
    public static LibrarySettings fromEnvironment() {
        return new LibrarySettings(
                Path.of(setting(DIR_PROPERTY, DIR_ENV).orElse("native/lib")),
                setting(CPU_PROPERTY, CPU_ENV));
    }

    private static Optional<String> setting(String property, String env) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(env)));
    }
}
