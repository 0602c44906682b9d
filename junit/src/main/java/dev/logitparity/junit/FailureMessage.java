package dev.logitparity.junit;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TextReport;
import dev.logitparity.compare.Verdict;
import dev.logitparity.trace.Trace;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The text of a failed trace assertion: the description, what was expected and the verdict, the prompt, the
 * divergence report and the tokens that moved most at the step it focuses on.
 */
final class FailureMessage {
    private final String description;
    private final String scope;
    private final String sideA;
    private final IntFunction<String> pieces;

    /**
     * @param description the user's {@code as(...)}, or null
     * @param scope       which steps were compared, e.g. "the first 16 steps"
     * @param sideA       which argument is side A of the report: "expected" or "actual"
     */
    FailureMessage(String description, String scope, String sideA, IntFunction<String> pieces) {
        this.description = description;
        this.scope = scope;
        this.sideA = sideA;
        this.pieces = pieces;
    }

    /** {@code [description] } before a message, or nothing when there is no description. */
    static String prefix(String description) {
        return description == null ? "" : "[" + description + "] ";
    }

    String headline(String expectation, Verdict verdict) {
        return prefix(description) + "expected the traces to " + expectation + " over " + scope + " (A is " + sideA
                + "), but the verdict is " + verdict + ":\n";
    }

    /** The prompt, the report and the top movers; reads the traces' logits at the focus step. */
    String details(DivergenceReport report, Trace a, Trace b) {
        StringBuilder out = new StringBuilder();
        String prompt = a.info().prompt() != null ? a.info().prompt() : b.info().prompt();
        if (prompt != null) {
            out.append("prompt text: \"").append(escaped(prompt)).append("\"\n");
        }
        out.append(TextReport.render(report, pieces));
        Integer focus = report.summary().divergence() != null ? Integer.valueOf(report.summary().divergence().step())
                : report.summary().firstOutOfBand();
        if (focus != null && a.logits().isPresent() && b.logits().isPresent()) {
            out.append("top movers at step ").append(focus).append(" (logprob in A -> in B):\n");
            for (TopMovers.Mover m : TopMovers.at(a, b, focus, TopMovers.DEFAULT_COUNT)) {
                out.append(String.format(Locale.ROOT, "  %-24s %9.4f -> %9.4f  (%+.4f)\n",
                        m.token() + " \"" + escaped(pieces.apply(m.token())) + "\"", m.logprobA(), m.logprobB(),
                        m.delta()));
            }
        }
        return out.toString();
    }

    private static String escaped(String piece) {
        return piece == null ? "" : piece.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t").replace("\"", "\\\"");
    }
}
