package dev.logitparity.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.sources.JsonInput;
import dev.logitparity.sources.SourceFormatException;

import java.nio.file.Path;

/**
 * One model×prompt case of {@code oracle/<model>/<prompt>.json}: a reference runtime's greedy output, read without a
 * model (the matrix needs the slug and the prompt before it can pick the GGUF).
 *
 * @param file       the case file
 * @param modelSlug  {@code model_slug}, the key that maps the case to a local GGUF
 * @param name       the prompt's short name: the file name without {@code .json} (e.g. {@code completion})
 * @param prompt     the prompt text
 * @param tokens     the generated ids (prompt excluded)
 * @param text       the generated text as the oracle decoded it, or "" when absent
 */
public record OracleCase(Path file, String modelSlug, String name, String prompt, int[] tokens, String text) {

    /** @throws SourceFormatException (one line naming the file) when the case is malformed */
    public static OracleCase read(Path file) {
        ObjectNode json = JsonInput.readObject(file);
        String slug = required(file, json, "model_slug");
        String prompt = required(file, json, "prompt");
        JsonNode tokens = json.get("tokens");
        if (tokens == null) {
            throw new SourceFormatException(file, "missing 'tokens'");
        }
        String text = JsonInput.optionalText(file, json, "text");
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        return new OracleCase(file, slug, name, prompt, JsonInput.tokenIds(file, tokens, "tokens"),
                text == null ? "" : text);
    }

    private static String required(Path file, ObjectNode json, String field) {
        String value = JsonInput.optionalText(file, json, field);
        if (value == null) {
            throw new SourceFormatException(file, "missing '" + field + "'");
        }
        return value;
    }
}
