package dev.logitparity.locate;

import dev.logitparity.BadInputException;
import dev.logitparity.capture.GreedyCapture;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.Distance;
import dev.logitparity.compare.LogProbs;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.gguf.QuantisationCheck;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.reference.Ops;
import dev.logitparity.reference.ReferenceCapture;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

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
        if (firstSteps < 1) {
            throw new BadInputException("--floor-steps must be at least 1, got " + firstSteps);
        }
        this.firstSteps = firstSteps;
    }

    /**
     * @param context    side A's llama.cpp context, with the run's settings
     * @param pair       both sides' traces
     * @param divergence the first divergent step (band-independent), or null
     * @param otherModel B's GGUF when B is llama.cpp on another model file, else null
     */
    public NoiseFloor measure(LlamaContext context, TracePair pair, StepComparison divergence, Path otherModel) {
        return measure(context, pair, divergence, otherModel, Set.of());
    }

    /** As {@link #measure(LlamaContext, TracePair, StepComparison, Path)}, probing {@code alsoSteps} too. */
    public NoiseFloor measure(LlamaContext context, TracePair pair, StepComparison divergence, Path otherModel,
                              Set<Integer> alsoSteps) {
        long start = System.nanoTime();
        Trace llama = pair.llama();
        List<Integer> steps = probedSteps(llama.steps(), divergence, alsoSteps);
        int[] fed = Arrays.copyOf(llama.tokens(), steps.getLast() + 1);
        Map<String, Distance> kernels = kernelChoices(context, llama, fed, steps);
        Path model = context.model().path();
        try (Trace exact = reference(model, UnaryOperator.identity(), llama, fed);
             Trace rounded = reference(model, ops -> ops.withRounding(Ops.Rounding.GGML_CPU), llama, fed)) {
            Distance toReference = distance(exact, llama, steps);
            Distance rounding = distance(exact, rounded, steps);
            if (otherModel != null) {
                return twin(pair, divergence, model, otherModel, exact, fed, steps, kernels, toReference, rounding,
                        start);
            }
            boolean otherIsReference = "reference".equals(pair.other().info().source());
            Distance other = otherIsReference ? Distance.ZERO
                    : pair.other().logits().isPresent() ? distance(exact, pair.other(), steps) : null;
            return new NoiseFloor(steps, "llama.cpp against the f64 reference", toReference, kernels, rounding, null,
                    null, null, other, null, millisSince(start));
        } catch (BadInputException e) {
            // the reference cannot run this model (architecture, tensor type): the kernel spread is all we have
            return new NoiseFloor(steps, "llama.cpp's kernel spread alone; the reference engine cannot run "
                    + model.getFileName() + ": " + e.getMessage(), null, kernels, null, null, null, null, null, null,
                    millisSince(start));
        }
    }

    private NoiseFloor twin(TracePair pair, StepComparison divergence, Path model, Path otherModel, Trace exactA,
                            int[] fed,
                            List<Integer> steps, Map<String, Distance> kernels, Distance toReference, Distance rounding,
                            long start) {
        try (Trace exactB = reference(otherModel, UnaryOperator.identity(), pair.llama(), fed)) {
            Distance weights = distance(exactA, exactB, steps);
            Distance otherFloor = distance(exactB, pair.other(), steps);
            String finding = QuantisationCheck.compare(model, otherModel).orElse(null);
            String cause = divergence == null ? null : flipCause(divergence, exactA, exactB);
            return new NoiseFloor(steps, "llama.cpp against the f64 reference on each side's weights", toReference,
                    kernels, rounding, otherFloor, weights, finding, otherFloor, cause, millisSince(start));
        }
    }

    private List<Integer> probedSteps(int available, StepComparison divergence, Set<Integer> alsoSteps) {
        TreeSet<Integer> steps = new TreeSet<>(alsoSteps);
        for (int s = 0; s < Math.min(firstSteps, available); s++) {
            steps.add(s);
        }
        if (divergence != null) {
            steps.add(divergence.step());
        }
        return new ArrayList<>(steps);
    }

    /**
     * Each kernel choice no less precise than the run's, against the run's own logits: flash attention toggled (a
     * quantised KV cache needs it on), the KV cache widened to F32, and both, which is how an fp32 runtime computes
     * (with flash attention on, llama.cpp casts an F32 cache to F16, so widening it alone may move nothing).
     */
    private static Map<String, Distance> kernelChoices(LlamaContext context, Trace llama, int[] fed,
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
        Map<String, Distance> out = new LinkedHashMap<>();
        choices.forEach((name, settings) -> {
            try (LlamaContext variant = context.model().newContext(settings);
                 Trace t = new GreedyCapture(variant).teacherForced(llama.info().prompt(), fed)) {
                out.put(name, distance(llama, t, steps));
            }
        });
        return out;
    }

    private static Trace reference(Path gguf, UnaryOperator<Ops> ops, Trace llama, int[] fed) {
        try (ReferenceModel model = ReferenceModel.open(gguf, ops)) {
            return new ReferenceCapture(model).teacherForced(llama.info().prompt(), llama.promptTokens(), fed);
        }
    }

    /** The largest max |Δlogprob| and KL over {@code steps} (those both traces have), comparator-measured. */
    private static Distance distance(Trace a, Trace b, List<Integer> steps) {
        List<StepComparison> compared = TraceComparator.within(Band.logprob(0)).compare(a, b).steps();
        Distance d = Distance.ZERO;
        for (int step : steps) {
            if (step < compared.size() && compared.get(step) instanceof StepMetrics m) {
                d = d.max(m);
            }
        }
        return d;
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
