package dev.logitparity.sources;

import dev.logitparity.trace.Trace;
import dev.logitparity.trace.TraceReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own trace folder, read by {@link TraceReader}; {@code trace.json} itself stands for its folder. */
final class NativeTraceSource {
    static final String MANIFEST = "trace.json";

    private NativeTraceSource() {
    }

    /** The returned trace maps {@code logits.npy}: close it. */
    static Trace read(Path path, SourceContext ctx) {
        if (!Files.isDirectory(path) && !path.getFileName().toString().equals(MANIFEST)) {
            throw new SourceFormatException(path, "a trace manifest is read from its folder, where it is named "
                    + MANIFEST + " beside the logits it names");
        }
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        try {
            // TraceFormatException is already a one-line BadInputException naming the file; it passes through.
            return TraceReader.read(dir);
        } catch (IOException e) {
            throw SourceFiles.failure(dir, e);
        }
    }
}
