package dev.logitparity.cli;

import dev.logitparity.judge.PhaseListener;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time per phase of a command, for {@code --timings}: each {@link #phaseEnded} closes the phase since the last
 * one, and a phase that recurs (the comparison, after each noise-floor probe) accumulates, so the phases tile the
 * command's time and sum to the total.
 */
final class PhaseTimer implements PhaseListener {

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;

    @Override
    public void phaseEnded(String phase) {
        long now = System.nanoTime();
        nanos.merge(phase, now - last, Long::sum);
        last = now;
    }

    /** One line per phase, in the order each first ended, with its share of the total; then the total. */
    void print(PrintWriter err) {
        long total = last - start;
        err.println("timings (wall):");
        nanos.forEach((phase, time) -> err.printf(Locale.ROOT, "  %-18s %9.3f s %5.1f %%%n", phase, time / 1e9,
                total == 0 ? 0 : 100.0 * time / total));
        err.printf(Locale.ROOT, "  %-18s %9.3f s%n", "total", total / 1e9);
        err.flush();
    }
}
