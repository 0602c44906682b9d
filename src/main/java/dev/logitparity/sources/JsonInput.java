package dev.logitparity.sources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Jackson set up for other runtimes' JSON, and checks that turn a wrong field into a one-line error. */
public final class JsonInput {
    // Python's json module writes masked logits as -Infinity and broken ones as NaN; both are data, not errors.
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // For one value inside a stream: what follows it is the rest of the stream, not trailing garbage.
    private static final ObjectReader VALUE_READER = MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int QUOTE_LIMIT = 40;

    private JsonInput() {
    }

    /** The whole of {@code file} as one JSON object; small files only (oracle cases, apr output). */
    public static ObjectNode readObject(Path file) {
        byte[] bytes = SourceFiles.readAll(file);
        if (isBlank(bytes)) {
            throw new SourceFormatException(file, "empty file");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SourceFormatException(file, describe(e), e);
        } catch (IOException e) {
            throw SourceFiles.failure(file, e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new SourceFormatException(file, "holds " + kind(node) + ", not a JSON object");
        }
        return object;
    }

    /** The value {@code parser} is at, as a tree, leaving the parser on its last token. */
    static JsonNode readValue(JsonParser parser) throws IOException {
        return VALUE_READER.readTree(parser);
    }

    /** Where and what, on one line; Jackson's own message spans lines and names Java types. */
    static String describe(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                : "";
        if (e instanceof JsonEOFException) {
            return where + "the file ends inside a JSON value (truncated?)";
        }
        // Jackson appends where a structure started as "(start marker at [Source: REDACTED (`Feature...`...)])"
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        int marker = message.indexOf(" (start marker at");
        return where + (marker >= 0 ? message.substring(0, marker) : message);
    }

    /** A string field, or null when absent or JSON null. */
    public static String optionalText(Path file, ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SourceFormatException(file, "'" + field + "' is " + kind(value) + ", not a string");
        }
        return value.asText();
    }

    /** An array of token ids: each an integer in int range and not negative. */
    public static int[] tokenIds(Path file, JsonNode array, String where) {
        if (!array.isArray()) {
            throw new SourceFormatException(file, "'" + where + "' is " + kind(array) + ", not an array of token ids");
        }
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenId(file, array.get(i), where + "[" + i + "]");
        }
        return ids;
    }

    static int tokenId(Path file, JsonNode value, String where) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new SourceFormatException(file, where + " is " + kind(value) + ", not a token id");
        }
        return value.intValue();
    }

    /**
     * Every scalar field of {@code object} but the {@code consumed} ones, as text, in file order; the scalars of a
     * nested object come in as {@code outer.inner}. What a source says about its run is kept even when no reader
     * knows the field, so a report can show it.
     */
    static Map<String, String> scalars(ObjectNode object, Set<String> consumed) {
        Map<String, String> settings = new LinkedHashMap<>();
        object.properties().forEach(field -> {
            if (consumed.contains(field.getKey())) {
                return;
            }
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                settings.put(field.getKey(), value.asText());
            } else if (value instanceof ObjectNode nested) {
                scalars(nested, Set.of()).forEach((key, text) -> settings.put(field.getKey() + "." + key, text));
            }
        });
        return settings;
    }

    /** How a wrong value reads in an error: its JSON type and, briefly, the value. */
    static String kind(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "a string (" + quote(value.toString()) + ")";
            case NUMBER -> "a number (" + value.asText() + ")";
            case BOOLEAN -> "a boolean (" + value.asText() + ")";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().toString().toLowerCase();
        };
    }

    private static String quote(String json) {
        return json.length() <= QUOTE_LIMIT ? json : json.substring(0, QUOTE_LIMIT) + "…\"";
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
