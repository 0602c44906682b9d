package dev.logitparity.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The result of comparing two traces: a summary and the metrics of every compared step. Plain records throughout, so
 * Jackson writes it as JSON as it is ({@code new ObjectMapper().writeValueAsString(report)}); absent values are null.
 * {@link TextReport} renders it for a terminal.
 */
public record DivergenceReport(Summary summary, List<StepComparison> steps) {

    public DivergenceReport {
        steps = List.copyOf(steps);
    }

    /** The first step where the two sides' greedy choices differ, among steps comparing the same context. */
    public OptionalInt firstDivergentStep() {
        return summary.divergence() == null ? OptionalInt.empty() : OptionalInt.of(summary.divergence().step());
    }

    /** This report with one more note, e.g. "B's ids were re-tokenised from text". */
    public DivergenceReport withNote(String note) {
        return new DivergenceReport(summary.withNote(note), steps);
    }

    /**
     * This report judged {@link Verdict#TOKENIZATION} for {@code reason}: for a cause the two id sequences alone do not
     * show (B reported only a different prompt-token count), or to replace the ids' reason with an explanation of it.
     * No step compares the same context then, so there is no divergence and no minimal passing band.
     */
    public DivergenceReport withTokenization(String reason) {
        Summary s = summary;
        return new DivergenceReport(new Summary(s.mode(), Verdict.TOKENIZATION, reason, s.sourceA(), s.sourceB(), null,
                null, 0, s.prompt(), s.lengths(), s.nonFinite(), s.band(), null, s.floor(), s.topK(), s.notes()),
                steps);
    }

    public enum Mode {
        /** Both sides gave logits. */
        TWO_SIDED,
        /** B gave only tokens; A's logits rate them. */
        ONE_SIDED
    }

    /**
     * @param reason             one line saying why the verdict was reached, with the numbers that decided it
     * @param divergence         the step at the first divergence (its two candidates, margins, flip epsilon and
     *                           metrics), or null when the sides never chose differently within the same context
     * @param firstOutOfBand     the first same-context step outside the band (non-finite steps included), or null
     * @param contextsDifferFrom the first step whose context differs between the sides (prompt or fed tokens), or null
     * @param minimalPassingBand the smallest band the same-context steps fit in (as Polygraphy's "minimum required
     *                           tolerance"): the largest max |Δlogprob| and KL seen, and as near-tie margin the smaller
     *                           winning margin at the divergence (0 when none). Null when it cannot exist: one-sided,
     *                           no same-context step, or a same-context step with non-finite logits
     * @param floor              the noise floor measured in the run (the band derives from it unless given), or null
     * @param topK               the k of the steps' top-k overlap
     * @param notes              caveats a reader needs, e.g. which steps compare different contexts
     */
    public record Summary(Mode mode, Verdict verdict, String reason, String sourceA, String sourceB,
                          StepComparison divergence, Integer firstOutOfBand, Integer contextsDifferFrom,
                          PromptCheck prompt, Lengths lengths, NonFinite nonFinite, Band band,
                          Band minimalPassingBand, NoiseFloor floor, int topK, List<String> notes) {
        public Summary {
            notes = List.copyOf(notes);
        }

        Summary withNote(String note) {
            List<String> more = new ArrayList<>(notes);
            more.add(note);
            return new Summary(mode, verdict, reason, sourceA, sourceB, divergence, firstOutOfBand,
                    contextsDifferFrom, prompt, lengths, nonFinite, band, minimalPassingBand, floor, topK, more);
        }
    }

    /**
     * The prompt token ids of both sides.
     *
     * @param firstDifference the first position where they differ (a prompt that ends early differs there), or null
     * @param idA             A's id at that position, or null when A's prompt has ended (or none differ)
     * @param idB             B's id at that position, or null likewise
     */
    public record PromptCheck(int lengthA, int lengthB, Integer firstDifference, Integer idA, Integer idB) {

        static PromptCheck of(int[] a, int[] b) {
            int common = Math.min(a.length, b.length);
            int at = 0;
            while (at < common && a[at] == b[at]) {
                at++;
            }
            if (at == common && a.length == b.length) {
                return new PromptCheck(a.length, b.length, null, null, null);
            }
            return new PromptCheck(a.length, b.length, at, at < a.length ? a[at] : null, at < b.length ? b[at] : null);
        }

        public boolean matches() {
            return firstDifference == null;
        }
    }

    /** Steps in each trace and how many were compared: the common prefix. */
    public record Lengths(int stepsA, int stepsB, int compared) {
    }

    /**
     * Non-finite logits over the compared steps.
     *
     * @param steps     compared steps with any NaN or infinite logit (on either side)
     * @param firstStep the first such step, or null
     * @param valuesA   NaN or infinite logits in A over the compared steps
     * @param valuesB   likewise in B
     */
    public record NonFinite(int steps, Integer firstStep, long valuesA, long valuesB) {
    }
}
