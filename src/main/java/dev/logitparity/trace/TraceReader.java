package dev.logitparity.trace;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a trace folder written by {@link TraceWriter}. The logits stay in the memory-mapped {@code logits.npy}, so the
 * returned trace must be closed.
 */
public final class TraceReader {

    private TraceReader() {
    }

    /** @throws TraceFormatException (one-line message naming the file) for anything malformed or inconsistent */
    public static Trace read(Path dir) throws IOException {
        Path manifestFile = dir.resolve(TraceManifest.FILE_NAME);
        TraceManifest manifest = TraceManifest.read(manifestFile);
        if (manifest.logits() == null) {
            return build(manifestFile, manifest, null);
        }
        Path logitsFile = dir.resolve(manifest.logits());
        NpyLogits logits;
        try {
            logits = NpyLogits.open(logitsFile);
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(logitsFile, "no such file (named by " + TraceManifest.FILE_NAME + ")", e);
        }
        try {
            if (logits.steps() != manifest.steps() || logits.vocab() != manifest.vocab()) {
                throw new TraceFormatException(manifestFile, "steps " + manifest.steps() + " and vocab "
                        + manifest.vocab() + " disagree with " + logitsFile.getFileName() + ", which holds "
                        + logits.steps() + " x " + logits.vocab());
            }
            return build(manifestFile, manifest, logits);
        } catch (RuntimeException e) {
            logits.close();
            throw e;
        }
    }

    private static Trace build(Path manifestFile, TraceManifest manifest, Logits logits) throws TraceFormatException {
        try {
            return logits == null
                    ? Trace.tokensOnly(manifest.info(), manifest.promptTokens(), manifest.tokens())
                    : Trace.of(manifest.info(), manifest.promptTokens(), manifest.tokens(), logits);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(manifestFile, e.getMessage(), e);
        }
    }
}
