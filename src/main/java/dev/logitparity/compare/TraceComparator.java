package dev.logitparity.compare;

import dev.logitparity.BadInputException;
import dev.logitparity.compare.DivergenceReport.Lengths;
import dev.logitparity.compare.DivergenceReport.Mode;
import dev.logitparity.compare.DivergenceReport.NonFinite;
import dev.logitparity.compare.DivergenceReport.PromptCheck;
import dev.logitparity.compare.DivergenceReport.Summary;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Compares trace A (usually llama.cpp) with trace B (the other runtime) step by step over their common prefix, and
 * decides a {@link Verdict}. Rows are streamed through two reused buffers per thread: heap use for logits does not
 * depend on the number of steps (the report keeps one small record per step). Steps are compared on
 * {@link #threads(int)} threads, all available processors by default; each step's metrics depend on its own rows
 * alone, so the report is the same, bit for bit, on any number of threads.
 * <pre>{@code
 * DivergenceReport report = TraceComparator.within(Band.defaults()).compare(llamaTrace, otherTrace);
 * }</pre>
 * When B has logits the comparison is two-sided ({@link StepMetrics}); when it has only tokens, one-sided
 * ({@link OneSidedStep}): A, teacher-forced on B's tokens, rates each of them. Immutable and thread-safe; each
 * {@code compare} call allocates its own buffers.
 */
public final class TraceComparator {
    public static final int DEFAULT_TOP_K = 10;

    private final Band band;
    private final int topK;
    private final IntPredicate endOfGeneration;
    private final NoiseFloor floor;
    private final int threads;

    private TraceComparator(Band band, int topK, IntPredicate endOfGeneration, NoiseFloor floor, int threads) {
        this.band = band;
        this.topK = topK;
        this.endOfGeneration = endOfGeneration;
        this.floor = floor;
        this.threads = threads;
    }

    public static TraceComparator within(Band band) {
        return new TraceComparator(band, DEFAULT_TOP_K, token -> false, null,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Judged against the band {@code floor} derives, with its blame and weights findings in the verdict; the floor is
     * in the report's summary.
     */
    public static TraceComparator within(NoiseFloor floor) {
        return within(floor.band()).withFloor(floor);
    }

    /** This comparator with another band. */
    public TraceComparator withBand(Band other) {
        return new TraceComparator(other, topK, endOfGeneration, floor, threads);
    }

    /** This comparator's band, with {@code floor}'s blame and findings: for a band given explicitly over a floor. */
    public TraceComparator withFloor(NoiseFloor measured) {
        return new TraceComparator(band, topK, endOfGeneration, measured, threads);
    }

    /**
     * This comparator knowing the model's end-of-generation tokens, so that a first divergence where one side
     * chooses to stop is an {@link Verdict#EARLY_STOP} (an EOS or template difference), not a logit flip.
     */
    public TraceComparator endOfGeneration(IntPredicate isEndOfGeneration) {
        return new TraceComparator(band, topK, isEndOfGeneration, floor, threads);
    }

    /** This comparator with another k for the top-k overlap. */
    public TraceComparator topK(int k) {
        return new TraceComparator(band, BadInputException.requireAtLeastOne("top-k", k), endOfGeneration, floor,
                threads);
    }

    /**
     * This comparator comparing steps on {@code n} threads, each holding two rows of logits; the report does not
     * depend on {@code n}.
     */
    public TraceComparator threads(int n) {
        return new TraceComparator(band, topK, endOfGeneration, floor,
                BadInputException.requireAtLeastOne("threads", n));
    }

    public Band band() {
        return band;
    }

    public int topK() {
        return topK;
    }

    public int threads() {
        return threads;
    }

    /**
     * @throws BadInputException when A has no logits, the vocabularies differ in size, or (one-sided) a token of B is
     *                           outside A's vocabulary
     */
    public DivergenceReport compare(Trace a, Trace b) {
        Logits fullA = a.logits().orElseThrow(() -> new BadInputException("trace A (" + a.info().source()
                + ") has no logits: A must be the side with logits"));
        Logits logitsB = b.logits().orElse(null);
        int vocab = fullA.vocab();
        if (logitsB != null && logitsB.vocab() != vocab) {
            throw new BadInputException("vocabulary sizes differ: A (" + a.info().source() + ") has " + vocab
                    + " logits per step, B (" + b.info().source() + ") has " + logitsB.vocab());
        }
        boolean topKOnly = logitsB != null && !logitsB.complete();
        Lengths lengths = new Lengths(a.steps(), b.steps(), Math.min(a.steps(), b.steps()));
        if (logitsB == null) {
            checkTokensFit(b, vocab, lengths.compared());
        }
        PromptCheck prompt = PromptCheck.of(a.promptTokens(), b.promptTokens());

        Integer contextsDifferFrom = prompt.matches() ? null : 0;
        for (int step = 0; contextsDifferFrom == null && step + 1 < lengths.compared(); step++) {
            if (a.token(step) != b.token(step)) {
                contextsDifferFrom = step + 1;
            }
        }
        int differFrom = contextsDifferFrom == null ? Integer.MAX_VALUE : contextsDifferFrom;
        StepPasses passes = StepPasses.forValues((long) lengths.compared() * vocab);
        List<StepComparison> steps = StepsInParallel.map(lengths.compared(), threads, () -> {
            StepKernel kernel = new StepKernel(vocab, topK, passes);
            // a masked view holds a row buffer of its own: one per thread
            Logits logitsA = topKOnly ? new MaskedToListed(fullA, logitsB) : fullA;
            IntFunction<StepComparison> compareStep = step -> logitsB == null
                    ? kernel.oneSided(logitsA, step, a.token(step), b.token(step), step >= differFrom)
                    : kernel.twoSided(logitsA, logitsB, step, a.token(step), b.token(step), step >= differFrom);
            return compareStep;
        });

        UnlistedChoices unlisted = topKOnly ? UnlistedChoices.find(fullA, logitsB, lengths.compared())
                : UnlistedChoices.none();
        VerdictRules.Judgement judgement = VerdictRules.judge(steps, NoiseFloor.stepBands(band, floor), floor, prompt, lengths, endOfGeneration,
                unlisted);
        Mode mode = logitsB == null ? Mode.ONE_SIDED : Mode.TWO_SIDED;
        Summary summary = new Summary(mode, judgement.verdict(), judgement.reason(), a.info().label(),
                b.info().label(), judgement.divergence(),
                judgement.firstOutOfBand() == null ? null : judgement.firstOutOfBand().step(), contextsDifferFrom,
                prompt, lengths, nonFinite(steps, unlisted), band, minimalPassingBand(steps, judgement), floor, topK,
                notes(a, mode, topKOnly, steps, lengths, contextsDifferFrom, unlisted));
        return new DivergenceReport(summary, steps);
    }

    private static void checkTokensFit(Trace b, int vocab, int steps) {
        for (int step = 0; step < steps; step++) {
            if (b.token(step) >= vocab) {
                throw new BadInputException("B (" + b.info().source() + ") token " + b.token(step) + " at step " + step
                        + " is outside A's vocabulary of " + vocab);
            }
        }
    }

    private static NonFinite nonFinite(List<StepComparison> steps, UnlistedChoices unlisted) {
        int count = 0;
        Integer first = null;
        long valuesA = 0;
        long valuesB = 0;
        for (StepComparison step : steps) {
            if (nonFiniteBeyondUnlisted(step, unlisted) == 0) {
                continue;
            }
            count++;
            first = first == null ? step.step() : first;
            switch (step) {
                case StepMetrics m -> {
                    valuesA += m.nonFiniteA();
                    valuesB += m.nonFiniteB() - (unlisted.at(m.step()) == null ? 0 : 1);
                }
                case OneSidedStep o -> valuesA += o.nonFiniteA();
            }
        }
        return new NonFinite(count, first, valuesA, valuesB);
    }

    private static Band minimalPassingBand(List<StepComparison> steps, VerdictRules.Judgement judgement) {
        List<StepComparison> sameContext = steps.stream().takeWhile(s -> !s.contextsDiffer()).toList();
        if (sameContext.isEmpty() || !(sameContext.getFirst() instanceof StepMetrics)
                || sameContext.stream().anyMatch(s -> s.nonFinite() > 0)) {
            return null;
        }
        double logprob = 0;
        double kl = 0;
        for (StepComparison step : sameContext) {
            StepMetrics m = (StepMetrics) step;
            logprob = Math.max(logprob, m.maxAbsDelta());
            kl = Math.max(kl, m.kl());
        }
        double nearTie = judgement.divergence() == null ? 0 : VerdictRules.winningMargin(judgement.divergence());
        return new Band(logprob, kl, nearTie);
    }

    /** The step's non-finite values, less the one that only says B's top-k list lacks A's choice. */
    private static int nonFiniteBeyondUnlisted(StepComparison step, UnlistedChoices unlisted) {
        return step.nonFinite() - (unlisted.at(step.step()) == null ? 0 : 1);
    }

    private static List<String> notes(Trace a, Mode mode, boolean topKOnly, List<StepComparison> steps,
                                      Lengths lengths, Integer contextsDifferFrom, UnlistedChoices unlisted) {
        List<String> notes = new ArrayList<>();
        if (topKOnly) {
            notes.add("B listed only its top tokens: metrics cover the tokens B listed (plus A's choice), with "
                    + "log-probabilities renormalised within them");
        }
        if (mode == Mode.ONE_SIDED) {
            notes.add("B gave no logits: one-sided comparison of A's choices with B's tokens");
            if (a.info().mode() != CaptureMode.TEACHER_FORCED) {
                notes.add("A was not teacher-forced on B's tokens (mode " + a.info().mode() + ")");
            }
        }
        if (contextsDifferFrom != null && contextsDifferFrom > 0) {
            StepComparison fed = steps.get(contextsDifferFrom - 1);
            notes.add("from step " + contextsDifferFrom + " on the sides were fed different tokens (step "
                    + fed.step() + ": A " + fed.tokenA() + ", B " + fed.tokenB() + "): those steps compare different "
                    + "contexts and are left out of the verdict");
        }
        if (lengths.stepsA() != lengths.stepsB()) {
            notes.add("A has " + lengths.stepsA() + " steps, B " + lengths.stepsB() + ": the first "
                    + lengths.compared() + " are compared");
        }
        if (unlisted.count() > 0) {
            notes.add("at " + unlisted.count() + " step(s) " + unlisted.stepsText() + " B's top-k list lacks A's "
                    + "choice: B ranks it below every token it listed; such a step counts as outside any band");
        }
        long nonFinite = steps.stream().filter(s -> nonFiniteBeyondUnlisted(s, unlisted) > 0).count();
        if (nonFinite > 0) {
            notes.add(nonFinite + " compared step(s) have NaN or infinite logits; they count as outside any band, "
                    + "and their metrics cover only the tokens finite on both sides");
        }
        return notes;
    }
}
