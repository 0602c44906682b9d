package dev.logitparity.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Tells the formats apart by content; a file's extension is never trusted. */
final class FormatDetector {
    // Enough to tell text from float32 data: real logits put a control byte in the first few dozen bytes.
    private static final int HEAD_BYTES = 4096;
    private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String NATIVE_FORMAT = "logit-parity-trace";

    private FormatDetector() {
    }

    /**
     * A folder with {@code trace.json}: the native format. A file that is text opening with {@code {}: JSON lines
     * when its first line is a whole object that is a step or the header, or is followed by a step line; otherwise
     * one JSON document: a native {@code trace.json}, an oracle case ({@code model_slug} and {@code tokens}), or else
     * apr output. A binary file with a sibling {@code <name>-tokens.bin}: llama-debug's logits.
     */
    static SourceFormat detect(Path path) {
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(NativeTraceSource.MANIFEST))) {
                return SourceFormat.NATIVE;
            }
            throw unknown(path, "a folder without " + NativeTraceSource.MANIFEST);
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // reading a FIFO blocks until something writes to it
            throw new SourceFormatException(path, "is not a regular file (a FIFO, socket or device)");
        }
        byte[] head = SourceFiles.readHead(path, HEAD_BYTES);
        if (head.length == 0) {
            throw unknown(path, "empty file");
        }
        if (startsWith(head, NPY_MAGIC)) {
            throw new SourceFormatException(path, "a bare .npy holds logits without token ids or metadata; give the"
                    + " trace folder that holds it beside " + NativeTraceSource.MANIFEST);
        }
        if (looksLikeText(head)) {
            if (firstNonBlank(head) == '{') {
                return detectJson(path);
            }
            throw unknown(path, "text that is not a JSON object");
        }
        if (LlamaCppBinReader.locate(path).isPresent()) {
            return SourceFormat.LLAMA_CPP_BIN;
        }
        throw unknown(path, "binary data with no sibling <name>-tokens.bin");
    }

    private static SourceFormat detectJson(Path path) {
        // Malformed UTF-8 is replaced rather than fatal here: the JSON parser reports it with a position later.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
            if (wholeObject(nextNonBlank(reader)) instanceof ObjectNode first) {
                if (first.has("step") || LogitJsonlReader.FORMAT.equals(first.path("format").asText())) {
                    return SourceFormat.LOGIT_JSONL;
                }
                String second = nextNonBlank(reader);
                if (second != null && second.contains("\"step\"")) {
                    return SourceFormat.LOGIT_JSONL;
                }
            }
        } catch (IOException e) {
            throw SourceFiles.failure(path, e);
        }
        ObjectNode json = JsonInput.readObject(path);
        if (NATIVE_FORMAT.equals(json.path("format").asText())) {
            return SourceFormat.NATIVE;
        }
        if (json.has("model_slug") && json.has("tokens")) {
            return SourceFormat.HF_ORACLE;
        }
        return SourceFormat.APR_JSON;
    }

    private static JsonNode wholeObject(String line) {
        if (line == null) {
            return null;
        }
        try {
            return JsonInput.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            // The first line of a pretty-printed document is not a whole object: not JSON lines.
            return null;
        }
    }

    private static String nextNonBlank(BufferedReader reader) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    private static SourceFormatException unknown(Path path, String what) {
        return new SourceFormatException(path, what + ", not a format this tool reads; it reads: "
                + Arrays.stream(SourceFormat.values()).map(SourceFormat::description)
                .collect(Collectors.joining("; ")));
    }

    /** No NUL or other control byte but tab, CR and LF: text in any ASCII-compatible encoding. */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(byte[] head) {
        int from = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        for (int i = from; i < head.length; i++) {
            if (!Character.isWhitespace(head[i])) {
                return head[i];
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
