package dev.logitparity.judge;

import dev.logitparity.compare.Band;
import dev.logitparity.compare.BandChoice;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.llama.LlamaContext;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * Judges a pair against the noise floor measured for it: the first divergence does not depend on the band, so the
 * floor is probed there, and the comparison is then judged by the band the floor derives (or the thresholds the user
 * gave over it), probing again at the first step outside that band.
 *
 * @param comparator the comparator's top-k and end-of-generation tokens (its band is replaced)
 * @param band       the user's thresholds, or {@link BandChoice#AUTO}
 * @param probe      how many steps to probe
 */
public record FlooredJudgement(TraceComparator comparator, BandChoice band, NoiseFloorProbe probe) {

    /**
     * Rounding error grows with position, so a step outside the band that the floor did not probe is probed and the
     * pair judged again: a step is called outside only against the floor measured at it. Each re-probe reruns the
     * references up to that step; two are enough in practice, since the floor at the first out-of-band step covers
     * most of the growth.
     */
    private static final int MAX_EXTRA_PROBES = 2;

    /** The default judgement: the band the floor derives, the default probes and top-k. */
    public static FlooredJudgement auto() {
        return new FlooredJudgement(TraceComparator.within(Band.logprob(0)), BandChoice.AUTO,
                new NoiseFloorProbe(NoiseFloorProbe.DEFAULT_STEPS));
    }

    /** This judgement knowing the model's end-of-generation tokens (see {@link TraceComparator#endOfGeneration}). */
    public FlooredJudgement endOfGeneration(IntPredicate isEndOfGeneration) {
        return new FlooredJudgement(comparator.endOfGeneration(isEndOfGeneration), band, probe);
    }

    /** @param otherModel B's GGUF when B is llama.cpp on another model file, else null */
    public DivergenceReport judge(LlamaContext context, TracePair pair, Path otherModel) {
        return judge(context, pair, otherModel, PhaseListener.NONE);
    }

    /** {@link #judge(LlamaContext, TracePair, Path)}, telling {@code phases} where each of its phases ends. */
    public DivergenceReport judge(LlamaContext context, TracePair pair, Path otherModel, PhaseListener phases) {
        StepComparison divergence = comparator.compare(pair.llama(), pair.other()).summary().divergence();
        phases.phaseEnded(PhaseListener.COMPARE);
        NoiseFloorProbe.Twin twin = null;
        if (otherModel != null) {
            twin = NoiseFloorProbe.twinOf(context.model().path(), otherModel);
            phases.phaseEnded(PhaseListener.WEIGHTS_CHECK);
        }
        Set<Integer> also = new TreeSet<>();
        while (true) {
            NoiseFloor floor = probe.measure(context, pair, divergence, twin, also, phases);
            phases.phaseEnded(PhaseListener.REFERENCE);
            DivergenceReport report = comparator.withBand(band.over(floor.band())).withFloor(floor)
                    .compare(pair.llama(), pair.other());
            phases.phaseEnded(PhaseListener.COMPARE);
            Integer outside = report.summary().firstOutOfBand();
            if (outside == null || floor.steps().contains(outside) || also.size() >= MAX_EXTRA_PROBES) {
                return report;
            }
            also.add(outside);
        }
    }
}
