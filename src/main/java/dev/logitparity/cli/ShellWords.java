package dev.logitparity.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as a POSIX shell does for the subset the help and README examples use: words separated by
 * blanks, double or single quotes grouping a word, a backslash escaping the next character outside single quotes.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The words as written, quotes included, for re-joining with blanks. */
    static List<String> rawWords(String line) {
        return split(line, true);
    }

    /** The words as the program receives them, quotes removed. */
    static List<String> arguments(String line) {
        return split(line, false);
    }

    private static List<String> split(String line, boolean raw) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
                if (raw) {
                    word.append(c);
                }
                word.append(line.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                if (raw) {
                    word.append(c);
                }
            } else if (c == quote) {
                quote = 0;
                if (raw) {
                    word.append(c);
                }
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + line);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
