package dev.logitparity.compare;

import java.util.Locale;

/** Number formats shared by the verdict reasons and the text report, locale-independent. */
final class Numbers {
    private Numbers() {
    }

    /** Three significant digits, plain or scientific as Java's %g picks; exact zero as "0". */
    static String short3(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.3g", value);
    }

    /** Fixed width (8 characters for finite values) for table columns. */
    static String sci(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.2e", value);
    }
}
