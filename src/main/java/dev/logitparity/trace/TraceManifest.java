package dev.logitparity.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code trace.json} of a trace folder: everything but the logits, plus the shape and file name of the logits so
 * a reader can check one against the other. Boxed numbers so that a missing field is an error, not a zero.
 *
 * @param vocab  null when the trace has no logits
 * @param logits the logits file's name inside the folder; null when the trace has no logits
 */
record TraceManifest(String format, Integer version, RunInfo info, Integer steps, Integer vocab, String logits,
                     int[] promptTokens, int[] tokens) {
    static final String FILE_NAME = "trace.json";
    static final String LOGITS_FILE_NAME = "logits.npy";
    private static final String FORMAT = "logit-parity-trace";
    private static final int VERSION = 1;
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("(?!\\.\\.?$)[A-Za-z0-9._-]+");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static TraceManifest of(Trace trace) {
        Integer vocab = trace.logits().map(Logits::vocab).orElse(null);
        return new TraceManifest(FORMAT, VERSION, trace.info(), trace.steps(), vocab,
                vocab == null ? null : LOGITS_FILE_NAME, trace.promptTokens(), trace.tokens());
    }

    void write(Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), this);
    }

    /** Parses and checks {@code file}; every problem is a {@link TraceFormatException} naming it. */
    static TraceManifest read(Path file) throws IOException {
        TraceManifest manifest;
        try {
            manifest = MAPPER.readValue(Files.readAllBytes(file), TraceManifest.class);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(file, "no such file (not a trace folder)", e);
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(file, describe(e), e);
        }
        if (manifest == null) {
            throw new TraceFormatException(file, "holds null, not a trace");
        }
        manifest.check(file);
        return manifest;
    }

    private void check(Path file) throws TraceFormatException {
        if (!FORMAT.equals(format)) {
            throw new TraceFormatException(file, "format is " + quoted(format) + ", want '" + FORMAT + "'");
        }
        if (version == null || version != VERSION) {
            throw new TraceFormatException(file, "unsupported version " + version + " (want " + VERSION + ")");
        }
        require(file, info, "info");
        require(file, steps, "steps");
        require(file, promptTokens, "promptTokens");
        require(file, tokens, "tokens");
        if (steps != tokens.length) {
            throw new TraceFormatException(file, "steps is " + steps + " but there are " + tokens.length + " tokens");
        }
        if ((vocab == null) != (logits == null)) {
            throw new TraceFormatException(file, "vocab and logits must both be given or both be null");
        }
        if (logits != null && !PLAIN_FILE_NAME.matcher(logits).matches()) {
            throw new TraceFormatException(file, "logits must name a file in the trace folder, got " + quoted(logits));
        }
    }

    private static void require(Path file, Object value, String field) throws TraceFormatException {
        if (value == null) {
            throw new TraceFormatException(file, "missing '" + field + "'");
        }
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text + "'";
    }

    // Jackson's own message spans lines and names Java types; keep where and what went wrong.
    private static String describe(JsonProcessingException e) {
        StringBuilder where = new StringBuilder();
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            where.append("line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr())
                    .append(": ");
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining());
            where.append("at ").append(path.startsWith(".") ? path.substring(1) : path).append(": ");
        }
        return where + e.getOriginalMessage();
    }
}
