package dev.logitparity.oracle;

import dev.logitparity.BadInputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the local GGUF of a model slug (an oracle case's {@code model_slug}) is. In order: the environment variable
 * {@code LOGIT_PARITY_MODEL_<SLUG>} (upper case, non-alphanumerics as {@code _}, e.g.
 * {@code LOGIT_PARITY_MODEL_SMOLLM_135M}); then, for a folder, {@code <folder>/<slug>.gguf}; for a
 * {@code .properties} file, its {@code <slug>=path} entry (relative paths from the file's folder).
 */
public final class ModelMap {

    public static final String ENV_PREFIX = "LOGIT_PARITY_MODEL_";

    private final Path source;
    private final Properties entries;
    private final Map<String, String> environment;

    private ModelMap(Path source, Properties entries, Map<String, String> environment) {
        this.source = source;
        this.entries = entries;
        this.environment = environment;
    }

    /** A folder of {@code <slug>.gguf} files or a {@code slug=path} properties file. */
    public static ModelMap of(Path source) {
        return of(source, System.getenv());
    }

    static ModelMap of(Path source, Map<String, String> environment) {
        if (Files.isDirectory(source)) {
            return new ModelMap(source, null, environment);
        }
        if (!Files.isRegularFile(source)) {
            throw new BadInputException(source + ": no such folder or model map file");
        }
        Properties entries = new Properties();
        try (Reader in = Files.newBufferedReader(source)) {
            entries.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(source + ": not a slug=path properties file: " + e.getMessage());
        }
        return new ModelMap(source, entries, environment);
    }

    /** The variable that overrides the slug's mapping, e.g. {@code LOGIT_PARITY_MODEL_QWEN2_0_5B}. */
    public static String environmentVariable(String slug) {
        return ENV_PREFIX + slug.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The path the slug maps to, whether or not a file is there (a missing one is reported with this path). */
    public Path locate(String slug) {
        String fromEnv = environment.get(environmentVariable(slug));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        if (entries == null) {
            return source.resolve(slug + ".gguf");
        }
        String mapped = entries.getProperty(slug);
        if (mapped == null) {
            return source.resolveSibling(slug + ".gguf");
        }
        Path path = Path.of(mapped.strip());
        return path.isAbsolute() ? path : source.toAbsolutePath().getParent().resolve(path);
    }
}
