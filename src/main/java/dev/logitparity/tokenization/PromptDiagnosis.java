package dev.logitparity.tokenization;

import java.util.List;

/**
 * Why the two sides' prompt ids differ, in words and pieces. A is llama.cpp, whose tokenizer is the GGUF's own.
 *
 * @param position   the first differing position in the prompt ids, or null when only a count was compared
 * @param causes     the recognised causes, most telling first
 * @param headline   the causes in a few words, for a table cell
 * @param summary    one line naming the causes and which side agrees with the GGUF's tokenizer
 * @param windowFrom the first position the two windows show
 * @param piecesA    A's pieces from {@code windowFrom} on, a few either side of {@code position}
 * @param piecesB    likewise for B
 */
public record PromptDiagnosis(Integer position, List<Cause> causes, String headline, String summary, int windowFrom,
                              List<String> piecesA, List<String> piecesB) {

    public PromptDiagnosis {
        causes = List.copyOf(causes);
        piecesA = List.copyOf(piecesA);
        piecesB = List.copyOf(piecesB);
    }

    /** The two windows of pieces, one line per side, for a terminal; empty when only a count was compared. */
    public String piecesText() {
        if (position == null) {
            return "";
        }
        return "prompt pieces from position " + windowFrom + " (first difference at " + position + "):"
                + System.lineSeparator() + "  A: " + spelled(piecesA) + System.lineSeparator() + "  B: "
                + spelled(piecesB) + System.lineSeparator();
    }

    private static String spelled(List<String> pieces) {
        return String.join(" ", pieces.stream().map(piece -> "'" + piece.replace("\n", "\\n") + "'").toList());
    }

    /** What made the ids differ, and on which side ("A" or "B") it happened. */
    public record Cause(Kind kind, String side) {
    }

    public enum Kind {
        /** One side's ids are the prompt rendered through a chat template (the GGUF's tokenizer.chat_template). */
        CHAT_TEMPLATE,
        /** One side starts with the BOS token, the other does not. */
        BOS,
        /** One side ends with the EOS token, the other does not. */
        EOS,
        /** Both sides' ids spell the same text, split into different tokens. */
        SPLIT,
        /** The ids spell different texts (and no template explains it). */
        TEXT,
        /** Only the other side's prompt-token count is known, and it differs. */
        COUNT
    }
}
