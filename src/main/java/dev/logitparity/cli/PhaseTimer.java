package dev.logitparity.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Wall time per phase of a command, for {@code --timings}: each {@link #mark} closes the phase since the last one. */
final class PhaseTimer {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;

    void mark(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** One line: every phase in order, then the total. */
    void print(PrintWriter err) {
        String phases = nanos.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
        err.printf(Locale.ROOT, "timings: %s; total %.2f s%n", phases, (last - start) / 1e9);
        err.flush();
    }
}
