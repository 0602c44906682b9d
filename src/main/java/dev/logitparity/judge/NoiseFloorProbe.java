package dev.logitparity.judge;

import dev.logitparity.BadInputException;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.Distance;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.gguf.QuantisationCheck;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Measures the {@link NoiseFloor} of one comparison: llama.cpp, teacher-forced on A's tokens under the run's settings
 * and under the other cheap kernel choices, against the f64 reference exactly and with ggml's activation rounding, over
 * the first {@code firstSteps} steps and the first divergent one. For another GGUF on side B it also runs the
 * reference on B's weights and checks that they are a quantisation of A's.
 */
public final class NoiseFloorProbe {
    public static final int DEFAULT_STEPS = 4;

    private final int firstSteps;

    public NoiseFloorProbe(int firstSteps) {
        this.firstSteps = BadInputException.requireAtLeastOne("--floor-steps", firstSteps);
    }

    /**
     * B as llama.cpp on another GGUF, with what the weights check found: made once per comparison by {@link #twinOf},
     * since the check reads both files whole.
     *
     * @param gguf           B's model file
     * @param weightsFinding why B's weights are not a quantisation of A's, or null
     */
    public record Twin(Path gguf, String weightsFinding) {
    }

    /** {@code other} as the twin of {@code model}, its weights checked against {@code model}'s. */
    public static Twin twinOf(Path model, Path other) {
        return new Twin(other, QuantisationCheck.compare(model, other).orElse(null));
    }

    /**
     * @param context    side A's llama.cpp context, with the run's settings
     * @param pair       both sides' traces
     * @param divergence the first divergent step (band-independent), or null
     * @param twin       B when it is llama.cpp on another GGUF, else null
     * @param alsoSteps  steps to probe besides the first few and the divergence
     * @param phases     told where {@link PhaseListener#LLAMA_REPLAYS} end (the rest is the reference's)
     */
    public NoiseFloor measure(LlamaContext context, TracePair pair, StepComparison divergence, Twin twin,
                              Set<Integer> alsoSteps, PhaseListener phases) {
        long start = System.nanoTime();
        Trace llama = pair.llama();
        List<Integer> steps = probedSteps(llama.steps(), divergence, alsoSteps);
        int[] fed = Arrays.copyOf(llama.tokens(), steps.getLast() + 1);
        Map<String, Map<Integer, Distance>> kernels = kernelChoices(context, llama, fed, steps);
        phases.phaseEnded(PhaseListener.LLAMA_REPLAYS);
        Map<String, Distance> kernelMax = new LinkedHashMap<>();
        kernels.forEach((name, perStep) -> kernelMax.put(name, largest(perStep)));
        Path model = context.model().path();
        try (Trace exact = reference(model, UnaryOperator.identity(), llama, fed);
             Trace rounded = reference(model, ops -> ops.withRounding(Ops.Rounding.GGML_CPU), llama, fed)) {
            Map<Integer, Distance> toReference = distances(exact, llama, steps);
            Distance rounding = largest(distances(exact, rounded, steps));
            Map<Integer, Double> floorA = floorPerStep(steps, toReference, kernels);
            if (twin != null) {
                return twin(pair, divergence, twin, exact, fed, steps, kernelMax, largest(toReference), rounding,
                        floorA, start);
            }
            Distance other = pair.other().logits().isPresent() ? largest(distances(exact, pair.other(), steps)) : null;
            return new NoiseFloor(steps, "llama.cpp against the f64 reference", largest(toReference), kernelMax,
                    rounding, null, null, null, other, null, allowed(floorA, Map.of(), Map.of()), millisSince(start));
        } catch (BadInputException e) {
            // the reference cannot run this model (architecture, tensor type): the kernel spread is all we have
            return new NoiseFloor(steps, "llama.cpp's kernel spread alone; the reference engine cannot run "
                    + model.getFileName() + ": " + e.getMessage(), null, kernelMax, null, null, null, null, null, null,
                    allowed(floorPerStep(steps, Map.of(), kernels), Map.of(), Map.of()), millisSince(start));
        }
    }

    private NoiseFloor twin(TracePair pair, StepComparison divergence, Twin twin, Trace exactA, int[] fed,
                            List<Integer> steps, Map<String, Distance> kernels, Distance toReference, Distance rounding,
                            Map<Integer, Double> floorA, long start) {
        try (Trace exactB = reference(twin.gguf(), UnaryOperator.identity(), pair.llama(), fed)) {
            Map<Integer, Distance> weights = distances(exactA, exactB, steps);
            Map<Integer, Distance> otherFloor = distances(exactB, pair.other(), steps);
            String finding = twin.weightsFinding();
            String cause = divergence == null ? null : flipCause(divergence, exactA, exactB);
            return new NoiseFloor(steps, "llama.cpp against the f64 reference on each side's weights", toReference,
                    kernels, rounding, largest(otherFloor), largest(weights), finding, largest(otherFloor), cause,
                    allowed(floorA, otherFloor, finding == null ? weights : Map.of()), millisSince(start));
        }
    }

    /**
     * What two correct runtimes may differ by at each step, before headroom: A's floor, B's (A's unless measured), and
     * the weights' share when admitted. Each part at its own step: the weights' share does not grow with position as
     * rounding error does.
     */
    private static SortedMap<Integer, Double> allowed(Map<Integer, Double> floorA, Map<Integer, Distance> otherFloor,
                                                      Map<Integer, Distance> weights) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        floorA.forEach((step, a) -> {
            double b = Math.max(a, otherFloor.getOrDefault(step, Distance.ZERO).logprob());
            out.put(step, a + b + weights.getOrDefault(step, Distance.ZERO).logprob());
        });
        return out;
    }

    /** llama.cpp's own floor at each probed step: its distance to the reference plus its widest kernel spread there. */
    private static Map<Integer, Double> floorPerStep(List<Integer> steps, Map<Integer, Distance> toReference,
                                                     Map<String, Map<Integer, Distance>> kernels) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (int step : steps) {
            double spread = kernels.values().stream()
                    .mapToDouble(perStep -> perStep.getOrDefault(step, Distance.ZERO).logprob()).max().orElse(0);
            out.put(step, toReference.getOrDefault(step, Distance.ZERO).logprob() + spread);
        }
        return out;
    }

    /**
     * Every step up to the furthest one that must be probed (the first few, the divergence, {@code alsoSteps}): the
     * replays run that far anyway, and a dense record of how the floor grows is what {@link NoiseFloor#bandAt} needs.
     */
    private List<Integer> probedSteps(int available, StepComparison divergence, Set<Integer> alsoSteps) {
        int last = Math.min(firstSteps, available) - 1;
        if (divergence != null) {
            last = Math.max(last, divergence.step());
        }
        for (int step : alsoSteps) {
            last = Math.max(last, step);
        }
        return IntStream.rangeClosed(0, last).boxed().toList();
    }

    /**
     * Each kernel choice no less precise than the run's, against the run's own logits: flash attention toggled (a
     * quantised KV cache needs it on), the KV cache widened to F32, and both, which is how an fp32 runtime computes
     * (with flash attention on, llama.cpp casts an F32 cache to F16, so widening it alone may move nothing).
     */
    private static Map<String, Map<Integer, Distance>> kernelChoices(LlamaContext context, Trace llama, int[] fed,
                                                                     List<Integer> steps) {
        ContextSettings run = context.settings();
        Map<String, ContextSettings> choices = new LinkedHashMap<>();
        if (run.kvType() != ContextSettings.KvType.Q8_0) {
            choices.put("flash attention " + (run.flashAttention() ? "off" : "on"),
                    run.withFlashAttention(!run.flashAttention()));
        }
        if (run.kvType() != ContextSettings.KvType.F32) {
            choices.put("an F32 KV cache", run.withKvType(ContextSettings.KvType.F32));
            if (run.flashAttention()) {
                choices.put("flash attention off with an F32 KV cache", run.exact());
            }
        }
        Map<String, Map<Integer, Distance>> out = new LinkedHashMap<>();
        choices.forEach((name, settings) -> {
            try (LlamaContext variant = context.model().newContext(settings);
                 Trace t = new LlamaEngine(variant).teacherForced(llama.info().prompt(), fed)) {
                out.put(name, distances(llama, t, steps));
            }
        });
        return out;
    }

    private static Trace reference(Path gguf, UnaryOperator<Ops> ops, Trace llama, int[] fed) {
        try (ReferenceModel model = ReferenceModel.open(gguf, ops)) {
            return new GreedyRecorder(new ReferenceEngine(model)).teacherForced(llama.info().prompt(), llama.promptTokens(), fed);
        }
    }

    /** Max |Δlogprob| and KL at each of {@code steps} that both traces have, comparator-measured. */
    private static Map<Integer, Distance> distances(Trace a, Trace b, List<Integer> steps) {
        List<StepComparison> compared = TraceComparator.within(Band.logprob(0)).compare(a, b).steps();
        Map<Integer, Distance> out = new LinkedHashMap<>();
        for (int step : steps) {
            if (step < compared.size() && compared.get(step) instanceof StepMetrics m) {
                out.put(step, Distance.ZERO.max(m));
            }
        }
        return out;
    }

    private static Distance largest(Map<Integer, Distance> perStep) {
        return perStep.values().stream().reduce(Distance.ZERO, Distance::max);
    }

    /** Whether exact arithmetic on each side's weights makes the same choice as that side at the divergence. */
    private static String flipCause(StepComparison divergence, Trace exactA, Trace exactB) {
        int step = divergence.step();
        int a = divergence.argmaxA();
        int b = divergence.choiceB();
        if (step >= exactA.steps()) {
            return null;
        }
        double gapA = gap(exactA.logits().orElseThrow(), step, a, b);
        double gapB = gap(exactB.logits().orElseThrow(), step, a, b);
        String numbers = String.format(Locale.ROOT, "exact arithmetic puts A's token ahead of B's by %.3g nats on A's "
                + "weights and by %.3g on B's", gapA, gapB);
        if (gapA > 0 && gapB < 0) {
            return "the weights explain the flip: " + numbers;
        }
        if (gapA > 0 == gapB > 0) {
            return "the weights do not explain the flip (" + numbers + "): it is the " + (gapA > 0 ? "B" : "A")
                    + " side's rounding";
        }
        return "exact arithmetic flips the other way (" + numbers + ")";
    }

    private static double gap(Logits logits, int step, int a, int b) {
        float[] row = new float[logits.vocab()];
        logits.copyRow(step, row);
        double logSum = LogProbs.logSumExp(row, row.length);
        return (row[a] - logSum) - (row[b] - logSum);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
