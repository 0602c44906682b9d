package dev.logitparity.judge;

/**
 * Told where one phase of a comparison ends, for {@code --timings}: each call closes the phase that began at the
 * previous one, so the phases tile the run and add up to its wall time. The judging classes mark their own phases
 * (which side is captured when, the reference's share of the noise floor), since only they know the order.
 */
@FunctionalInterface
public interface PhaseListener {

    /** Side A (llama.cpp on the given model) captured. */
    String CAPTURE_A = "capture A";
    /** Side B captured, read from a dump or run in another process. */
    String CAPTURE_B = "capture B";
    /** The comparator's passes over both traces. */
    String COMPARE = "compare";
    /** Whether B's GGUF is a quantisation of A's: both files read whole. */
    String WEIGHTS_CHECK = "weights check";
    /** The noise floor's re-runs of llama.cpp under its other kernel choices. */
    String LLAMA_REPLAYS = "llama.cpp replays";
    /** The noise floor's runs of the f64 reference engine (exact, ggml-rounded, on B's weights) and their distances. */
    String REFERENCE = "reference";

    PhaseListener NONE = phase -> {
    };

    /** The work since the previous call (or since the run began) was {@code phase}. */
    void phaseEnded(String phase);
}
