package dev.logitparity.junit;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.Verdict;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.opentest4j.AssertionFailedError;

/**
 * A comparison that has been made, for checks beyond the one that made it. Every check asserts at once and fails with
 * the divergence report as its message; {@link #report()} gives the report itself for anything else.
 */
public final class ComparisonAssert {
    private final DivergenceReport report;
    private final FailureMessage message;
    /** The report as text with the top movers, rendered while both traces are surely still open. */
    private final String details;

    ComparisonAssert(DivergenceReport report, FailureMessage message, String details) {
        this.report = report;
        this.message = message;
        this.details = details;
    }

    /** The whole report: summary (verdict, divergence, minimal passing band, ...) and every step's metrics. */
    public DivergenceReport report() {
        return report;
    }

    /** Passes when the verdict is one of those given, e.g. {@code hasVerdict(Verdict.LOGIT_MISMATCH)}. */
    public ComparisonAssert hasVerdict(Verdict verdict, Verdict... orOthers) {
        Set<Verdict> accepted = EnumSet.of(verdict, orOthers);
        return hasVerdict("have verdict " + accepted.stream().map(Verdict::name).collect(Collectors.joining(" or ")),
                accepted);
    }

    ComparisonAssert hasVerdict(String expectation, Set<Verdict> accepted) {
        if (!accepted.contains(report.summary().verdict())) {
            throw new AssertionFailedError(message.headline(expectation, report.summary().verdict()) + details);
        }
        return this;
    }
}
