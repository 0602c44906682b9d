package dev.logitparity.bench;

import java.util.Arrays;
import java.util.Locale;

/** Per-round rates of an interleaved bench: their median, and all of them for the record. */
final class Rates {

    private Rates() {
    }

    static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static String list(double[] rates) {
        return Arrays.toString(Arrays.stream(rates).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).toArray());
    }
}
