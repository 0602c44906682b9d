package dev.logitparity.compare;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * How far llama.cpp legitimately is from exact arithmetic on this model, quantisation, prompt, settings and CPU,
 * measured in the run, and the tolerance band that follows from it. All distances are over {@link #steps()}, the
 * probed steps (the first few and the first divergent one), in nats.
 *
 * <p><b>The floor</b> is llama.cpp's distance to the f64 reference ({@link #toReference()}) plus its spread over
 * kernel choices no less precise than the run's own ({@link #kernelChoices()}: flash attention toggled, a wider KV
 * cache): the error a correct runtime can show just by rounding differently. It is trusted only when llama.cpp's
 * distance to the reference is explained by its rounding, within {@link #TRUST_RATIO}: the spread plus what
 * reproducing ggml's activation rounding in the reference moves ({@link #roundingEffect()}). Otherwise llama.cpp
 * itself is far from exact arithmetic, and the floor is what the rounding explains, so a broken run cannot widen
 * its own band. Never below {@link #MINIMUM}, float32's resolution with room for summation order.
 *
 * <p><b>The band</b>: two runtimes each within their floor of exact arithmetic are within the sum of the floors of
 * each other (the triangle inequality; B's floor is taken as A's unless B is llama.cpp on another GGUF, whose floor
 * is measured), plus, for two quantisations of one model, what the weights alone explain ({@link #weights()}: the
 * reference run exactly on both weight sets), admitted only when B's weights are a quantisation of A's. Times
 * {@link #HEADROOM} for the steps between the probed ones, where rounding error keeps growing slowly. The near-tie
 * margin is twice the band: two rows within it can move the gap between two tokens by up to that much.
 *
 * @param steps            the probed steps
 * @param source           where the floor came from, in words
 * @param toReference      llama.cpp under the run's settings against the f64 reference; null when the reference
 *                         cannot run this model
 * @param kernelChoices    llama.cpp under the run's settings against itself under each other kernel choice, by name
 * @param roundingEffect   the reference with ggml's activation rounding against the exact reference; null likewise
 * @param otherFloor       B's own floor when B is llama.cpp on another GGUF (its distance to the reference on its
 *                         weights), else null
 * @param weights          the reference on A's weights against the reference on B's: what the weights alone move;
 *                         null unless B is another GGUF
 * @param weightsFinding   why B's weights are not a quantisation of A's, or null
 * @param otherToReference B against the f64 reference (on B's weights for another GGUF), for blame; null when B gave
 *                         no full logits
 * @param flipCause        at the first divergence, whether exact arithmetic on each side's weights flips too; null
 *                         unless B is another GGUF and the sides diverge
 * @param growth           what two correct runtimes may differ by (max |Δlogprob|, before headroom) at each probed
 *                         step: both floors and the admitted weights' share there. Rounding error grows with
 *                         position, so each step is judged by what was measured at or before it ({@link #bandAt})
 * @param millis           how long the measurement took
 */
public record NoiseFloor(List<Integer> steps, String source, Distance toReference, Map<String, Distance> kernelChoices,
                         Distance roundingEffect, Distance otherFloor, Distance weights, String weightsFinding,
                         Distance otherToReference, String flipCause, SortedMap<Integer, Double> growth,
                         long millis) {

    public static final Distance MINIMUM = new Distance(1e-4, 1e-8);
    public static final double HEADROOM = 1.5;
    public static final double TRUST_RATIO = 10;

    public NoiseFloor {
        steps = List.copyOf(steps);
        kernelChoices = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kernelChoices));
        growth = Collections.unmodifiableSortedMap(new TreeMap<>(growth));
    }

    /** The largest move over the kernel choices. */
    public Distance spread() {
        return kernelChoices.values().stream().reduce(Distance.ZERO, Distance::max);
    }

    /** What llama.cpp's rounding explains: its kernel spread plus the effect of its activation rounding. */
    public Distance explained() {
        return roundingEffect == null ? spread() : spread().plus(roundingEffect);
    }

    /** Whether llama.cpp's distance to the reference is within {@link #TRUST_RATIO} of what its rounding explains. */
    public boolean trusted() {
        return toReference == null
                || toReference.logprob() <= TRUST_RATIO * Math.max(explained().logprob(), MINIMUM.logprob());
    }

    /** llama.cpp's own floor: how far a correct runtime can be from exact arithmetic here. */
    public Distance floor() {
        Distance measured = toReference != null && trusted() ? toReference.plus(spread()) : explained();
        return measured.max(MINIMUM);
    }

    /** The band a comparison of A with B is judged by. */
    public Band band() {
        Distance floor = floor();
        Distance allowed = floor.plus(otherFloor == null ? floor : otherFloor.max(floor));
        if (weights != null && weightsFinding == null) {
            allowed = allowed.plus(weights);
        }
        Distance band = allowed.times(HEADROOM);
        return new Band(band.logprob(), band.kl(), 2 * band.logprob());
    }

    /**
     * The band for one step: {@link #HEADROOM} times the most two correct runtimes were measured to differ by at a
     * probed step at or before it (the probes run from step 0 without gaps), never wider than {@link #band()}. So an
     * error at step 0 is not excused by the larger error llama.cpp itself makes 30 steps later.
     */
    public Band bandAt(int step) {
        Band widest = band();
        double allowed = growth.headMap(step + 1).values().stream().mapToDouble(Double::doubleValue).max()
                .orElse(Double.POSITIVE_INFINITY);
        double logprob = Math.min(widest.logprob(),
                HEADROOM * Math.max(allowed, MINIMUM.plus(MINIMUM).logprob()));
        double ratio = widest.logprob() > 0 ? logprob / widest.logprob() : 1;
        return new Band(logprob, widest.kl() * ratio * ratio, widest.nearTie() * ratio);
    }

    /**
     * Each step's band for a comparison judged by {@code band}: the floor's growing one when {@code band} is the
     * floor's own, else {@code band} throughout (a band given explicitly, or no floor).
     */
    public static IntFunction<Band> stepBands(Band band, NoiseFloor floor) {
        return floor != null && floor.derives(band) ? floor::bandAt : step -> band;
    }

    /** Whether {@code band} is this floor's own, not one given over it. */
    public boolean derives(Band band) {
        return band.equals(band());
    }

    /** B's distance to exact arithmetic in units of llama.cpp's floor; null when unknown. */
    public Double otherRatio() {
        return otherToReference == null ? null : otherToReference.logprob() / floor().logprob();
    }
}
