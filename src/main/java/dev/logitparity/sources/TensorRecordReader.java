package dev.logitparity.sources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.logitparity.trace.Intermediates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The per-tensor records of a logit-parity JSON-lines dump: {@code {"tensor":"attn_norm-0","step":2,"values":[…]}},
 * one line per named intermediate of a step's last position (the position whose logits are that step's), named as
 * llama.cpp's graph names them ({@link Intermediates#namesInOrder}) with the values in ggml's element order (Qcur,
 * Kcur, Vcur: head by head, each head's elements contiguous). A runtime that writes them gets the same layer table
 * against llama.cpp as the reference does. Step lines and the header are {@link LogitJsonlReader}'s.
 */
public final class TensorRecordReader {
    static final String NAME_FIELD = "tensor";
    static final String VALUES_FIELD = "values";

    private TensorRecordReader() {
    }

    /** The records of {@code step} in {@code file}; empty when it has none for that step. */
    public static Intermediates read(Path file, int step) {
        Intermediates out = new Intermediates();
        Set<String> seen = new HashSet<>();
        try (InputStream in = Files.newInputStream(file); JsonParser parser = JsonInput.FACTORY.createParser(in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new SourceFormatException(file, "line " + line + ": expected one JSON object per line");
                }
                readLine(file, parser, line, step, seen, out);
            }
        } catch (JsonProcessingException e) {
            throw new SourceFormatException(file, JsonInput.describe(e), e);
        } catch (IOException e) {
            throw SourceFiles.failure(file, e);
        }
        return out;
    }

    private static void readLine(Path file, JsonParser parser, int line, int wanted, Set<String> seen,
                                 Intermediates out) throws IOException {
        String name = null;
        Integer step = null;
        double[] values = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case NAME_FIELD -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new SourceFormatException(file, "line " + line + ": \"tensor\" is not a string");
                    }
                    name = parser.getText();
                }
                case "step" -> step = value == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : null;
                case VALUES_FIELD -> values = value == JsonToken.START_ARRAY ? readValues(file, parser, line) : null;
                default -> parser.skipChildren();
            }
        }
        if (name == null || step == null || step != wanted) {
            return;
        }
        if (values == null || values.length == 0) {
            throw new SourceFormatException(file, "line " + line + ": tensor " + name + " has no \"values\" array");
        }
        if (!seen.add(name)) {
            throw new SourceFormatException(file, "line " + line + ": tensor " + name + " given twice for step "
                    + step);
        }
        out.accept(name, values);
    }

    private static double[] readValues(Path file, JsonParser parser, int line) throws IOException {
        double[] values = new double[64];
        int n = 0;
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (!t.isNumeric()) {
                throw new SourceFormatException(file, "line " + line + ": a tensor value is not a number");
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = parser.getDoubleValue();
        }
        return Arrays.copyOf(values, n);
    }
}
