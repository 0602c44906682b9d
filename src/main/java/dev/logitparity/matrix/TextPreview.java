package dev.logitparity.matrix;

/**
 * The two outputs as the matrix shows them, at most {@link #WIDTH} characters each: from the start when they part
 * within it (or not at all), else a window around the first character where they differ, the same window on both, so
 * a cell never shows two identical cut texts beside "no". A window that does not start at the beginning starts with
 * "…".
 */
record TextPreview(String a, String b) {

    static final int WIDTH = 80;
    /** Characters of common text kept before the first difference. */
    static final int LEAD = 30;

    static TextPreview of(String a, String b) {
        int differ = 0;
        int common = Math.min(a.length(), b.length());
        while (differ < common && a.charAt(differ) == b.charAt(differ)) {
            differ++;
        }
        if (differ < WIDTH || (differ == common && a.length() == b.length())) {
            return new TextPreview(cut(a, 0), cut(b, 0));
        }
        int from = differ - LEAD;
        if (Character.isLowSurrogate(a.charAt(from))) {
            from--;
        }
        return new TextPreview(cut(a, from), cut(b, from));
    }

    private static String cut(String text, int from) {
        int width = from == 0 ? WIDTH : WIDTH - 1;
        int end = Math.min(text.length(), from + width);
        if (end < text.length() && end > from && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return (from == 0 ? "" : "…") + text.substring(from, end);
    }
}
