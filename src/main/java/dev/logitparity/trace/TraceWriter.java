package dev.logitparity.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.files.AtomicFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a trace in the native format: a folder holding {@code trace.json} and, when the trace has logits,
 * {@code logits.npy} (float32 {@code [steps, vocab]}, which {@code numpy.load} opens directly), and, when the capture
 * kept them, one step's named intermediates in {@code tensors.jsonl}.
 *
 * <p>The folder is written through {@link AtomicFile#writeFolder}, so a failure leaves nothing behind and a reader
 * finds the old trace, the new one or (for an instant while replacing) none, never a half-written one. An existing
 * trace folder is replaced; a regular file, or a folder holding anything other than
 * trace files, is refused rather than deleted.
 */
public final class TraceWriter {
    /** The named intermediates of one step, when the capture stored them: JSON-lines tensor records. */
    public static final String TENSORS_FILE_NAME = "tensors.jsonl";
    private static final Set<String> TRACE_FILES = Set.of(TraceManifest.FILE_NAME, TraceManifest.LOGITS_FILE_NAME,
            TENSORS_FILE_NAME);

    private TraceWriter() {
    }

    public static void write(Trace trace, Path dir) throws IOException {
        write(trace, dir, null, -1);
    }

    /**
     * With {@code tensors}, the named intermediates of {@code step}, as {@code tensors.jsonl} beside the trace: the
     * JSON-lines dump's tensor records ({@code {"tensor","step","values"}}), which {@code --layers} reads back.
     */
    public static void write(Trace trace, Path dir, Intermediates tensors, int step) throws IOException {
        checkReplaceable(dir.toAbsolutePath().normalize());
        AtomicFile.writeFolder(dir, temp -> {
            if (trace.logits().isPresent()) {
                NpyWriter.write(trace.logits().get(), temp.resolve(TraceManifest.LOGITS_FILE_NAME));
            }
            if (tensors != null) {
                writeTensors(tensors, step, temp.resolve(TENSORS_FILE_NAME));
            }
            TraceManifest.of(trace).write(temp.resolve(TraceManifest.FILE_NAME));
        });
    }

    private static void writeTensors(Intermediates tensors, int step, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, double[]> e : tensors.asMap().entrySet()) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("tensor", e.getKey());
                record.put("step", step);
                record.put("values", e.getValue());
                out.write(json.writeValueAsString(record));
                out.newLine();
            }
        }
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a trace folder");
        }
        try (Stream<Path> entries = Files.list(target)) {
            List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !TRACE_FILES.contains(name)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "holds " + foreign + ", not part of a trace; refusing to replace it");
            }
        }
    }
}
