package dev.logitparity.tokenization;

import dev.logitparity.tokenization.PromptDiagnosis.Cause;
import dev.logitparity.tokenization.PromptDiagnosis.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Explains a prompt-id difference between A (llama.cpp, the GGUF's own tokenizer) and B: BOS or EOS on one side, one
 * side's ids being the prompt inside a chat template (A's ids found whole among B's, control tokens around them), or
 * the same text split differently (both sides' ids spell the same string). What it cannot name it calls a text
 * difference, with both texts.
 */
public final class PromptDiagnostician {
    /** Pieces shown either side of the first differing position. */
    private static final int CONTEXT = 3;
    private static final int QUOTE_LIMIT = 80;
    private static final Map<Kind, String> NAMES = Map.of(Kind.CHAT_TEMPLATE, "chat template", Kind.BOS, "BOS",
            Kind.EOS, "EOS", Kind.SPLIT, "another split", Kind.TEXT, "another text", Kind.COUNT, "another count");

    private final TokenText tokens;

    public PromptDiagnostician(TokenText tokens) {
        this.tokens = tokens;
    }

    /** Why {@code a} and {@code b} differ; they must differ. */
    public PromptDiagnosis diagnose(int[] a, int[] b) {
        int position = Arrays.mismatch(a, b);
        if (position < 0) {
            throw new IllegalArgumentException("the prompt ids do not differ");
        }
        List<Cause> causes = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        Ends ends = new Ends(a, b);
        ends.mark(tokens.bos(), true, Kind.BOS, "BOS", causes, clauses);
        ends.mark(tokens.eos(), false, Kind.EOS, "EOS", causes, clauses);
        int[] coreA = ends.coreA();
        int[] coreB = ends.coreB();
        if (!Arrays.equals(coreA, coreB)) {
            String template = template(coreA, coreB, "A", "B");
            if (template == null) {
                template = template(coreB, coreA, "B", "A");
            }
            if (template != null) {
                causes.addFirst(new Cause(Kind.CHAT_TEMPLATE, template.substring(0, 1)));
                clauses.addFirst(template);
            } else {
                clauses.add(textDifference(coreA, coreB, ends.offset(), causes));
            }
        }
        int from = Math.max(0, position - CONTEXT);
        return new PromptDiagnosis(position, causes, headline(causes, coreA, coreB), String.join("; ", clauses), from,
                pieces(a, from, position + CONTEXT + 1), pieces(b, from, position + CONTEXT + 1));
    }

    /** When B gave only how many prompt ids it had: the counts differ, and what could explain it. */
    public PromptDiagnosis diagnoseCount(int countA, int countB) {
        String hint = countB > countA && tokens.hasChatTemplate()
                ? "; the GGUF has a tokenizer.chat_template, and a runtime that applies it (apr 0.72 does, with BOS) "
                + "has more ids"
                : "";
        return new PromptDiagnosis(null, List.of(new Cause(Kind.COUNT, "B")), "prompt-token count: B " + countB
                + ", llama.cpp " + countA, "B reports " + countB
                + " prompt tokens but not their ids, llama.cpp (the GGUF's tokenizer) has " + countA + hint
                + "; ask B for its prompt ids (apr: --logprobs) to see where they part", 0, List.of(), List.of());
    }

    /** E.g. "B: chat template + BOS", or "B split ' fib|on|acci' as ' fib|ona|cci'". */
    private String headline(List<Cause> causes, int[] coreA, int[] coreB) {
        if (causes.size() == 1 && causes.getFirst().kind() == Kind.SPLIT) {
            Regions regions = regions(coreA, coreB);
            return "B split " + regions.a() + " as " + regions.b();
        }
        return causes.stream().collect(Collectors.groupingBy(Cause::side, TreeMap::new,
                        Collectors.mapping(cause -> NAMES.get(cause.kind()),
                                Collectors.joining(" + "))))
                .entrySet().stream().map(side -> side.getKey() + ": " + side.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Where two id sequences differ, each side's pieces from one before the first difference to the common end. */
    private record Regions(String a, String b, int start) {
    }

    private Regions regions(int[] coreA, int[] coreB) {
        int start = Arrays.mismatch(coreA, coreB);
        int suffix = commonSuffix(coreA, coreB, start);
        return new Regions(quote(split(coreA, Math.max(0, start - 1), coreA.length - suffix)),
                quote(split(coreB, Math.max(0, start - 1), coreB.length - suffix)), start);
    }

    /**
     * The clause naming {@code outer}'s side as having rendered the prompt through a chat template, when
     * {@code inner} occurs whole inside {@code outer} with control tokens around it; else null.
     */
    private String template(int[] inner, int[] outer, String innerSide, String outerSide) {
        int at = indexOf(outer, inner);
        if (inner.length == 0 || at < 0) {
            return null;
        }
        int[] before = Arrays.copyOfRange(outer, 0, at);
        int[] after = Arrays.copyOfRange(outer, at + inner.length, outer.length);
        if (IntStream.concat(Arrays.stream(before), Arrays.stream(after)).noneMatch(tokens::isControl)) {
            return null;
        }
        return outerSide + " rendered the prompt through a chat template" + (tokens.hasChatTemplate()
                ? " (the GGUF's tokenizer.chat_template)" : "") + ": " + innerSide + "'s " + inner.length
                + " prompt ids appear unchanged among " + outerSide + "'s, after " + before.length + " template ids "
                + quote(joined(before)) + " and before " + after.length + " " + quote(joined(after))
                + "; within the prompt both sides agree with the GGUF's tokenizer (llama.cpp's)";
    }

    private String textDifference(int[] coreA, int[] coreB, int offset, List<Cause> causes) {
        String textA = tokens.text(coreA);
        String textB = tokens.text(coreB);
        Regions regions = regions(coreA, coreB);
        String from = "from position " + (regions.start() + offset) + " A has " + regions.a() + ", B " + regions.b();
        if (textA.equals(textB)) {
            causes.add(new Cause(Kind.SPLIT, "B"));
            return "the same text " + quote(textA) + " split differently: " + from
                    + "; A's split is the GGUF's own tokenizer's (llama.cpp's), B's is not";
        }
        causes.add(new Cause(Kind.TEXT, "B"));
        return "the ids spell different texts, A " + quote(textA) + " and B " + quote(textB) + ": " + from;
    }

    /** Leading BOS / trailing EOS on one side only, stripped from the cores compared next. */
    private static final class Ends {
        private int[] coreA;
        private int[] coreB;
        private int offset;

        Ends(int[] a, int[] b) {
            this.coreA = a;
            this.coreB = b;
        }

        void mark(int id, boolean leading, Kind kind, String name, List<Cause> causes, List<String> clauses) {
            if (id < 0) {
                return;
            }
            boolean onA = has(coreA, id, leading);
            boolean onB = has(coreB, id, leading);
            if (onA != onB) {
                String side = onA ? "A" : "B";
                causes.add(new Cause(kind, side));
                clauses.add(side + (leading ? " prepends " : " appends ") + name + " (id " + id + "), "
                        + (onA ? "B" : "A") + " does not");
            }
            if (leading && (onA || onB)) {
                offset = 1;
            }
            coreA = onA ? strip(coreA, leading) : coreA;
            coreB = onB ? strip(coreB, leading) : coreB;
        }

        private static boolean has(int[] ids, int id, boolean leading) {
            return ids.length > 0 && ids[leading ? 0 : ids.length - 1] == id;
        }

        private static int[] strip(int[] ids, boolean leading) {
            return leading ? Arrays.copyOfRange(ids, 1, ids.length) : Arrays.copyOf(ids, ids.length - 1);
        }

        int[] coreA() {
            return coreA;
        }

        int[] coreB() {
            return coreB;
        }

        /** Positions stripped from the front, to report positions in the original ids. */
        int offset() {
            return offset;
        }
    }

    private static int indexOf(int[] outer, int[] inner) {
        for (int at = 0; at + inner.length <= outer.length; at++) {
            if (Arrays.equals(outer, at, at + inner.length, inner, 0, inner.length)) {
                return at;
            }
        }
        return -1;
    }

    private static int commonSuffix(int[] a, int[] b, int start) {
        int n = 0;
        while (n < a.length - start && n < b.length - start && a[a.length - 1 - n] == b[b.length - 1 - n]) {
            n++;
        }
        return n;
    }

    private List<String> pieces(int[] ids, int from, int to) {
        return Arrays.stream(ids, Math.min(from, ids.length), Math.min(to, ids.length)).mapToObj(tokens::piece)
                .toList();
    }

    private String split(int[] ids, int from, int to) {
        return String.join("|", pieces(ids, from, Math.max(from, to)));
    }

    private String joined(int[] ids) {
        return String.join("", pieces(ids, 0, ids.length));
    }

    private static String quote(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return "'" + (escaped.length() <= QUOTE_LIMIT ? escaped : escaped.substring(0, QUOTE_LIMIT) + "…") + "'";
    }
}
