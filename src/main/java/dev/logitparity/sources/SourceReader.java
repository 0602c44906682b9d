package dev.logitparity.sources;

import dev.logitparity.trace.Trace;

import java.nio.file.Path;

/** Turns one source's output into a trace; every problem is a {@link SourceFormatException}. */
@FunctionalInterface
interface SourceReader {
    Trace read(Path path, SourceContext ctx);
}
