package dev.logitparity.sources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The logit dump we ask runtime authors to emit: <b>logit-parity JSON lines, version 1</b>. UTF-8, one JSON object
 * per line.
 *
 * <p><b>Header</b> (optional, first line only):
 * {@code {"format":"logit-parity-jsonl","version":1,"runtime":"myrt 0.3","model":"qwen2-0.5b-q8_0.gguf",
 * "prompt":"The capital of France is","prompt_tokens":[785,6722,315,9625,374],"vocab":151936,"mode":"free-run",
 * "settings":{"threads":8}}}. {@code format} and {@code version} are required in a header, the rest optional.
 * {@code runtime} names the source (default {@code jsonl}). {@code prompt_tokens} are the ids the runtime fed, BOS
 * included; without them the prompt (the header's, else the user's) is tokenised with the model's tokenizer.
 * {@code vocab} is needed for top-k rows unless the model supplies it. {@code mode} is {@code free-run} (default:
 * each step's token is the runtime's own choice) or {@code teacher-forced} (the tokens were fed). {@code settings}
 * holds scalars that can change the numbers (threads, batch size, dtype, …).
 *
 * <p><b>Steps</b>, one line each, in order: {@code {"step":0,"token":464,"logits":[-3.25,…]}} with {@code step}
 * counting 0, 1, 2, … without gaps, {@code token} the id chosen (or fed) at that step, and either {@code logits},
 * the full row over the vocab at the position that predicts {@code token}, or {@code "top":[[464,-1.5],[262,-2.0],
 * …]}, {@code [id, value]} pairs for the k tokens the runtime can report (unlisted tokens count as −∞), or
 * neither (tokens only). Every step gives the same kind, and full rows all have the same length, the vocab size.
 * Values are logits or log-probabilities: a comparison works on log-softmax, which ignores a per-row shift.
 * {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted as Python's {@code json} writes them. Unknown
 * fields are ignored.
 *
 * <p><b>Tensors</b> (optional, anywhere after the header): {@code {"tensor":"Qcur-1","step":3,"values":[…]}}, a named
 * intermediate of the step's last position, for layer-level localisation; see {@link TensorRecordReader}.
 *
 * <p>The file is parsed as a stream, one object at a time, so its size is bounded by the logits kept, not by a tree.
 */
final class LogitJsonlReader {
    static final String FORMAT = "logit-parity-jsonl";
    private static final int VERSION = 1;
    private static final String DEFAULT_SOURCE = "jsonl";
    private static final Header NO_HEADER = new Header(DEFAULT_SOURCE, null, null, null, null, CaptureMode.FREE_RUN,
            Map.of());

    /** What a step line gives besides its token. */
    private enum Kind {
        FULL("full logits"), TOP("top-k pairs"), NONE("no logits");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    private final Path file;
    private final SourceContext ctx;
    private Header header = NO_HEADER;
    private Kind kind;
    private int[] tokens = new int[64];
    private int steps;
    // Reused for every row, so a long run allocates only what it keeps.
    private float[] row = new float[0];
    private int[] topIds = new int[16];
    private float[] topValues = new float[16];
    private InMemoryLogits.Builder full;
    private int fullVocab;
    private TopKLogits.Builder top;

    private LogitJsonlReader(Path file, SourceContext ctx) {
        this.file = file;
        this.ctx = ctx;
    }

    static Trace read(Path file, SourceContext ctx) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JsonInput.FACTORY.createParser(in)) {
            return new LogitJsonlReader(file, ctx).read(parser);
        } catch (JsonProcessingException e) {
            throw new SourceFormatException(file, JsonInput.describe(e), e);
        } catch (IOException e) {
            throw SourceFiles.failure(file, e);
        }
    }

    private Trace read(JsonParser parser) throws IOException {
        int objects = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            int line = parser.currentTokenLocation().getLineNr();
            if (token != JsonToken.START_OBJECT) {
                throw at(line, "expected one JSON object per line, found " + found(parser));
            }
            Line parsed = readLine(parser, line);
            if (parsed.tensor()) {
                continue;
            }
            if (parsed.step() != null) {
                appendStep(line, parsed);
            } else if (objects == 0) {
                header = Header.of(file, line, parsed.others());
                if (header.vocab() != null && ctx.vocab() != null && !header.vocab().equals(ctx.vocab())) {
                    throw at(line, "the header's vocab " + header.vocab() + " differs from the model's " + ctx.vocab());
                }
            } else {
                throw at(line, "no \"step\" (only the first line may be the header)");
            }
            objects++;
        }
        if (objects == 0) {
            throw new SourceFormatException(file, "empty file");
        }
        return assemble();
    }

    /**
     * One object's fields; a row's values go to the reused buffers.
     *
     * @param values how many {@code logits} or {@code top} entries were read; -1 when the line gives neither
     * @param others the fields a step does not use, as a tree: the header's, which are small
     */
    private record Line(Integer step, Integer token, Kind kind, int values, ObjectNode others, boolean tensor) {
    }

    private Line readLine(JsonParser parser, int line) throws IOException {
        Integer step = null;
        Integer token = null;
        Kind given = Kind.NONE;
        int values = -1;
        ObjectNode others = JsonInput.MAPPER.createObjectNode();
        boolean tensor = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                // a per-tensor record: TensorRecordReader's, not a step
                case TensorRecordReader.NAME_FIELD -> {
                    tensor = true;
                    parser.skipChildren();
                }
                case TensorRecordReader.VALUES_FIELD -> parser.skipChildren();
                case "step" -> step = readInt(parser, line, name);
                case "token" -> token = readInt(parser, line, name);
                case "logits", "top" -> {
                    if (given != Kind.NONE) {
                        throw at(line, "gives both \"logits\" and \"top\"");
                    }
                    given = name.equals("logits") ? Kind.FULL : Kind.TOP;
                    values = given == Kind.FULL ? readRow(parser, line) : readPairs(parser, line);
                }
                default -> others.set(name, JsonInput.readValue(parser));
            }
        }
        return new Line(step, token, given, values, others, tensor);
    }

    private void appendStep(int line, Line parsed) {
        if (parsed.step() != steps) {
            throw at(line, "step " + parsed.step() + " where step " + steps + " was expected (steps count 0, 1, 2, …"
                    + " in order)");
        }
        if (parsed.token() == null) {
            throw at(line, "step " + steps + " has no \"token\"");
        }
        if (kind == null) {
            kind = parsed.kind();
        } else if (parsed.kind() != kind) {
            throw at(line, "step " + steps + " gives " + parsed.kind().description + " but earlier steps give "
                    + kind.description);
        }
        switch (kind) {
            case FULL -> appendFullRow(line, parsed.values());
            case TOP -> appendTopRow(line, parsed.values());
            case NONE -> { }
        }
        if (steps == tokens.length) {
            tokens = Arrays.copyOf(tokens, 2 * steps);
        }
        tokens[steps++] = parsed.token();
    }

    private void appendFullRow(int line, int length) {
        if (full == null) {
            Integer declared = declaredVocab();
            if (declared != null && length != declared) {
                throw at(line, "step 0 has " + length + " logits but the vocab is " + declared);
            }
            if (length == 0) {
                throw at(line, "step 0 has an empty \"logits\" row");
            }
            full = InMemoryLogits.builder(length);
            fullVocab = length;
            row = Arrays.copyOf(row, length);
        } else if (length != fullVocab) {
            throw at(line, "step " + steps + " has " + length + " logits but earlier steps have " + fullVocab);
        }
        full.appendRow(row);
    }

    private void appendTopRow(int line, int count) {
        if (top == null) {
            Integer declared = declaredVocab();
            if (declared == null) {
                throw at(line, "top-k rows need the vocab size: give \"vocab\" in the header, or the model");
            }
            top = TopKLogits.builder(declared);
        }
        try {
            top.appendRow(Arrays.copyOf(topIds, count), Arrays.copyOf(topValues, count));
        } catch (IllegalArgumentException e) {
            throw at(line, "step " + steps + ": " + e.getMessage());
        }
    }

    /** The vocab the header or the model states, or null; {@link #read} has checked that they agree. */
    private Integer declaredVocab() {
        return header.vocab() != null ? header.vocab() : ctx.vocab();
    }

    private Trace assemble() {
        String prompt = TraceAssembly.prompt(file, header.prompt(), ctx);
        int[] promptIds = header.promptTokens() != null
                ? header.promptTokens()
                : TraceAssembly.promptIds(file, prompt, ctx);
        Logits logits = kind == Kind.FULL ? full.build() : kind == Kind.TOP ? top.build() : null;
        RunInfo info = new RunInfo(header.runtime(), header.model(), null, null, header.mode(), prompt,
                header.settings(), null);
        return TraceAssembly.build(file, info, promptIds, Arrays.copyOf(tokens, steps), logits, ctx);
    }

    /** Reads a {@code logits} array into {@link #row}, growing it as needed; returns the count. */
    private int readRow(JsonParser parser, int line) throws IOException {
        expectArray(parser, line, "\"logits\"", "an array of numbers");
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (count == row.length) {
                row = Arrays.copyOf(row, Math.max(1024, 2 * count));
            }
            row[count] = readFloat(parser, line, "logits[" + count + "]");
            count++;
        }
        return count;
    }

    /** Reads {@code top}'s {@code [id, value]} pairs into {@link #topIds} and {@link #topValues}; returns the count. */
    private int readPairs(JsonParser parser, int line) throws IOException {
        expectArray(parser, line, "\"top\"", "an array of [id, value] pairs");
        int count = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String where = "top[" + count + "]";
            expectArray(parser, line, where, "an [id, value] pair");
            if (count == topIds.length) {
                topIds = Arrays.copyOf(topIds, 2 * count);
                topValues = Arrays.copyOf(topValues, 2 * count);
            }
            parser.nextToken();
            topIds[count] = readInt(parser, line, where + "[0]");
            parser.nextToken();
            topValues[count] = readFloat(parser, line, where + "[1]");
            if (parser.nextToken() != JsonToken.END_ARRAY) {
                throw at(line, where + " is not an [id, value] pair");
            }
            count++;
        }
        return count;
    }

    private void expectArray(JsonParser parser, int line, String what, String wanted) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw at(line, what + " is " + found(parser) + ", not " + wanted);
        }
    }

    private int readInt(JsonParser parser, int line, String what) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw at(line, what + " is " + found(parser) + ", not an integer");
        }
        return parser.getIntValue();
    }

    private float readFloat(JsonParser parser, int line, String what) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw at(line, what + " is " + found(parser) + ", not a number");
        }
        return parser.getFloatValue();
    }

    private static String found(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case VALUE_STRING -> "a string (\"" + parser.getText() + "\")";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number (" + parser.getText() + ")";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + parser.getText() + ")";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "'" + parser.getText() + "'";
        };
    }

    private SourceFormatException at(int line, String problem) {
        return new SourceFormatException(file, "line " + line + ": " + problem);
    }

    /** The optional first line. */
    private record Header(String runtime, String model, String prompt, int[] promptTokens, Integer vocab,
                          CaptureMode mode, Map<String, String> settings) {

        static Header of(Path file, int line, ObjectNode json) {
            JsonNode format = json.get("format");
            if (format == null || !FORMAT.equals(format.asText())) {
                throw new SourceFormatException(file, "line " + line + ": neither a step (no \"step\") nor a header"
                        + " (\"format\" is " + JsonInput.kind(format) + ", want \"" + FORMAT + "\")");
            }
            JsonNode version = json.get("version");
            if (version == null || !version.isIntegralNumber() || version.asInt() != VERSION) {
                throw new SourceFormatException(file, "line " + line + ": unsupported version "
                        + JsonInput.kind(version) + " (want " + VERSION + ")");
            }
            String runtime = JsonInput.optionalText(file, json, "runtime");
            JsonNode promptTokens = json.get("prompt_tokens");
            JsonNode settings = json.get("settings");
            if (settings != null && !settings.isObject()) {
                throw new SourceFormatException(file, "line " + line + ": \"settings\" is " + JsonInput.kind(settings)
                        + ", not an object");
            }
            return new Header(runtime != null ? runtime : DEFAULT_SOURCE,
                    JsonInput.optionalText(file, json, "model"),
                    JsonInput.optionalText(file, json, "prompt"),
                    promptTokens == null ? null : JsonInput.tokenIds(file, promptTokens, "prompt_tokens"),
                    vocab(file, line, json.get("vocab")),
                    mode(file, line, JsonInput.optionalText(file, json, "mode")),
                    settings == null ? Map.of() : JsonInput.scalars((ObjectNode) settings, Set.of()));
        }

        private static Integer vocab(Path file, int line, JsonNode vocab) {
            if (vocab == null) {
                return null;
            }
            if (!vocab.isIntegralNumber() || !vocab.canConvertToInt() || vocab.intValue() < 1) {
                throw new SourceFormatException(file, "line " + line + ": \"vocab\" is " + JsonInput.kind(vocab)
                        + ", not a positive integer");
            }
            return vocab.intValue();
        }

        private static CaptureMode mode(Path file, int line, String mode) {
            if (mode == null) {
                return CaptureMode.FREE_RUN;
            }
            return switch (mode.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "free-run" -> CaptureMode.FREE_RUN;
                case "teacher-forced" -> CaptureMode.TEACHER_FORCED;
                default -> throw new SourceFormatException(file, "line " + line + ": \"mode\" is '" + mode
                        + "', want \"free-run\" or \"teacher-forced\"");
            };
        }
    }
}
