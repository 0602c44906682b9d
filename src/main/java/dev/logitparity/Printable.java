package dev.logitparity;

/**
 * Text from a file (a tensor name, a metadata key, a dump's field) made safe for a one-line terminal message: line
 * breaks folded to a space, every other control or invisible formatting character (ESC, NUL, bidi overrides) shown
 * as an escape, and the whole capped, so a corrupt length field can never pour raw bytes onto the terminal.
 */
public final class Printable {

    /** Longest message printed; a real problem statement is far shorter. */
    static final int MAX_CHARS = 600;

    private Printable() {
    }

    public static String oneLine(String text) {
        String folded = String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder out = new StringBuilder(Math.min(folded.length(), MAX_CHARS + 32));
        int i = 0;
        for (; i < folded.length() && out.length() < MAX_CHARS; ) {
            int c = folded.codePointAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED || c == 0xFFFD) {
                out.append(String.format(c <= 0xFF ? "\\x%02x" : "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        if (i < folded.length()) {
            out.append("... (").append(folded.length() - i).append(" more characters)");
        }
        return out.toString();
    }
}
