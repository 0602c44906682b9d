package dev.logitparity.compare;

import dev.logitparity.compare.DivergenceReport.Lengths;
import dev.logitparity.compare.DivergenceReport.PromptCheck;

import java.util.List;
import java.util.function.IntPredicate;

import static dev.logitparity.compare.Numbers.short3;

/** Decides the verdict from the compared steps, in the precedence {@link Verdict} documents. */
final class VerdictRules {

    /**
     * @param divergence     the first same-context step whose choices differ, or null
     * @param firstOutOfBand the first same-context step outside the band, or null
     */
    record Judgement(Verdict verdict, String reason, StepComparison divergence, StepComparison firstOutOfBand) {
    }

    private VerdictRules() {
    }

    static Judgement judge(List<StepComparison> steps, Band band, NoiseFloor floor, PromptCheck prompt,
                           Lengths lengths, IntPredicate endOfGeneration, UnlistedChoices unlisted) {
        List<StepComparison> sameContext = steps.stream().takeWhile(s -> !s.contextsDiffer()).toList();
        StepComparison divergence = sameContext.stream().filter(s -> !s.agrees()).findFirst().orElse(null);
        StepComparison outOfBand = sameContext.stream().filter(s -> outOfBand(s, band)).findFirst().orElse(null);
        if (!prompt.matches()) {
            return new Judgement(Verdict.TOKENIZATION, "prompt ids differ at position " + prompt.firstDifference()
                    + ": A " + idText(prompt.idA()) + ", B " + idText(prompt.idB()) + " (A has " + prompt.lengthA()
                    + " ids, B " + prompt.lengthB() + ")", null, null);
        }
        if (floor != null && floor.weightsFinding() != null) {
            return new Judgement(Verdict.LOGIT_MISMATCH, "B's weights are not a quantisation of A's: "
                    + floor.weightsFinding(), divergence, outOfBand);
        }
        if (outOfBand != null) {
            return new Judgement(bandVerdict(sameContext, band, outOfBand),
                    bandReason(sameContext, band, outOfBand, unlisted) + Blame.of(floor), divergence, outOfBand);
        }
        if (divergence != null && (endOfGeneration.test(divergence.argmaxA())
                || endOfGeneration.test(divergence.choiceB()))) {
            boolean aStops = endOfGeneration.test(divergence.argmaxA());
            return new Judgement(Verdict.EARLY_STOP, "at step " + divergence.step() + " " + (aStops ? "A" : "B")
                    + " chooses end-of-generation token " + (aStops ? divergence.argmaxA() : divergence.choiceB())
                    + " while " + (aStops ? "B" : "A") + " goes on with "
                    + (aStops ? divergence.choiceB() : divergence.argmaxA()) + before(divergence), divergence, null);
        }
        if (divergence != null) {
            boolean nearTie = winningMargin(divergence) <= band.nearTie();
            String reason = "first divergence at step " + divergence.step()
                    + (nearTie ? " is a near tie: " : " is not a near tie: ") + marginText(divergence)
                    + (nearTie ? " <= " : " > ") + "near-tie margin " + short3(band.nearTie())
                    + (divergence.step() > 0 ? before(divergence) : "")
                    + (floor != null && floor.flipCause() != null ? "; " + floor.flipCause() : "")
                    + (nearTie ? "" : Blame.of(floor));
            return new Judgement(nearTie ? Verdict.NEAR_TIE_FLIP : Verdict.LOGIT_MISMATCH, reason, divergence, null);
        }
        if (lengths.stepsA() != lengths.stepsB()) {
            boolean aStops = lengths.stepsA() < lengths.stepsB();
            int stops = Math.min(lengths.stepsA(), lengths.stepsB());
            String last = stops == 0 ? "before its first step"
                    : "after " + stops + " steps (last token " + lastToken(steps, aStops) + ")";
            return new Judgement(Verdict.EARLY_STOP, (aStops ? "A" : "B") + " stops " + last + ", "
                    + (aStops ? "B" : "A") + " goes on to " + Math.max(lengths.stepsA(), lengths.stepsB())
                    + " steps; no divergence before", null, null);
        }
        return new Judgement(Verdict.IDENTICAL, identicalReason(steps), null, null);
    }

    /** What can be said of the steps before a divergence: nothing about B's logits when B gave none. */
    private static String before(StepComparison divergence) {
        return divergence instanceof OneSidedStep
                ? "; A chose B's token at every step before (B gave no logits: nothing is claimed about them)"
                : "; every step before is within the band";
    }

    static boolean outOfBand(StepComparison step, Band band) {
        return switch (step) {
            case StepMetrics m -> !band.admits(m);
            case OneSidedStep o -> o.nonFiniteA() > 0;
        };
    }

    /** The smaller of the two sides' winning margins at a divergence (one-sided: A's only margin). */
    static double winningMargin(StepComparison step) {
        return switch (step) {
            case StepMetrics m -> Math.min(m.marginA(), m.marginB());
            case OneSidedStep o -> o.margin();
        };
    }

    private static Verdict bandVerdict(List<StepComparison> sameContext, Band band, StepComparison outOfBand) {
        if (outOfBand.step() == 0 || !(outOfBand instanceof StepMetrics)) {
            return Verdict.LOGIT_MISMATCH;
        }
        return DriftRule.holds(metrics(sameContext), band) ? Verdict.DRIFT : Verdict.LOGIT_MISMATCH;
    }

    private static String bandReason(List<StepComparison> sameContext, Band band, StepComparison outOfBand,
                                     UnlistedChoices unlisted) {
        String excess = excessText(outOfBand, band, unlisted);
        if (outOfBand.step() == 0) {
            return "step 0 is already outside the band: " + excess;
        }
        if (!(outOfBand instanceof StepMetrics)) {
            return "step " + outOfBand.step() + ": " + excess;
        }
        List<StepMetrics> metrics = metrics(sameContext);
        String trend = "rank correlation of error with position " + short3(DriftRule.trend(metrics));
        if (DriftRule.holds(metrics, band)) {
            StepMetrics first = metrics.getFirst();
            StepMetrics last = metrics.getLast();
            return "error grows with position: max |Δlogprob| " + short3(first.maxAbsDelta()) + " at step 0, "
                    + short3(last.maxAbsDelta()) + " at step " + last.step() + "; band first exceeded at step "
                    + outOfBand.step() + " (" + excess + "); " + trend;
        }
        return "step " + outOfBand.step() + " is outside the band (" + excess + ") after steps within it, with no "
                + "steady growth (" + trend + (band.admits(metrics.getLast()) ? "; later steps back within it)" : ")");
    }

    private static String excessText(StepComparison step, Band band, UnlistedChoices unlisted) {
        if (unlisted.at(step.step()) != null && step.nonFinite() == 1) {
            return unlisted.describe(step.step());
        }
        if (step.nonFinite() > 0) {
            return switch (step) {
                case StepMetrics m -> "non-finite logits (A " + m.nonFiniteA() + ", B " + m.nonFiniteB() + ")";
                case OneSidedStep o -> "non-finite logits in A (" + o.nonFiniteA() + ")";
            };
        }
        StepMetrics m = (StepMetrics) step;
        StringBuilder text = new StringBuilder();
        if (m.maxAbsDelta() > band.logprob()) {
            text.append("max |Δlogprob| ").append(short3(m.maxAbsDelta())).append(" > ").append(short3(band.logprob()));
        }
        if (m.kl() > band.kl()) {
            text.append(text.isEmpty() ? "" : ", ").append("KL ").append(short3(m.kl())).append(" > ")
                    .append(short3(band.kl()));
        }
        return text.toString();
    }

    private static String marginText(StepComparison step) {
        return switch (step) {
            case StepMetrics m -> "A picks " + m.argmaxA() + " by " + short3(m.marginA()) + ", B picks " + m.argmaxB()
                    + " by " + short3(m.marginB()) + " (flip epsilon " + short3(m.flipEpsilon()) + "); smaller margin "
                    + short3(winningMargin(m));
            case OneSidedStep o -> "A picks " + o.argmaxA() + " over B's token " + o.tokenB() + " (rank "
                    + o.rankTokenBInA() + " in A) by " + short3(o.margin());
        };
    }

    private static String identicalReason(List<StepComparison> steps) {
        if (steps.isEmpty()) {
            return "no steps to compare; same prompt ids";
        }
        if (steps.getFirst() instanceof OneSidedStep) {
            return "A's argmax is B's token at all " + steps.size() + " steps";
        }
        long bitwise = metrics(steps).stream().filter(StepMetrics::bitwiseEqual).count();
        return "all " + steps.size() + " steps choose the same tokens within the band (" + bitwise + " bitwise equal)";
    }

    private static int lastToken(List<StepComparison> steps, boolean ofA) {
        StepComparison last = steps.getLast();
        return ofA ? last.tokenA() : last.tokenB();
    }

    private static String idText(Integer id) {
        return id == null ? "(prompt ended)" : id.toString();
    }

    private static List<StepMetrics> metrics(List<StepComparison> steps) {
        return steps.stream().map(StepMetrics.class::cast).toList();
    }
}
