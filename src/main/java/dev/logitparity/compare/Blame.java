package dev.logitparity.compare;

import static dev.logitparity.compare.Numbers.short3;

/**
 * Which side a disagreement beyond the band lies with, by each side's distance to the f64 reference measured with the
 * {@link NoiseFloor}: a side further from exact arithmetic than a correct runtime can be is the one with the bug.
 */
final class Blame {

    private Blame() {
    }

    /** "; blame: ..." for a reason line, or nothing when no floor was measured. */
    static String of(NoiseFloor floor) {
        if (floor == null) {
            return "";
        }
        StringBuilder text = new StringBuilder("; blame: ");
        if (!floor.trusted()) {
            text.append("A (llama.cpp) is ").append(short3(floor.toReference().logprob()))
                    .append(" nats from exact arithmetic, more than ").append(short3(NoiseFloor.TRUST_RATIO))
                    .append("x what its rounding explains (").append(short3(floor.explained().logprob())).append(")");
            return text.toString();
        }
        if (floor.otherFloor() != null) {
            // B is llama.cpp on other weights: its distance to the reference is its own arithmetic, not a fault
            return text.append("A is ").append(short3(floor.toReference().logprob())).append(" nats from exact "
                    + "arithmetic on its weights, B ").append(short3(floor.otherFloor().logprob()))
                    .append(" on its own, and exact arithmetic on the two weight sets differs by ")
                    .append(short3(floor.weights().logprob()))
                    .append(": the two files differ by more than their rounding and quantisation explain").toString();
        }
        Double ratio = floor.otherRatio();
        if (ratio == null) {
            return text.append("unknown (B gave no full logits to set against the reference)").toString();
        }
        String distance = "B is " + short3(floor.otherToReference().logprob()) + " nats from exact arithmetic, "
                + short3(ratio) + "x llama.cpp's floor of " + short3(floor.floor().logprob());
        boolean outside = ratio > 2 * NoiseFloor.HEADROOM;
        return text.append(distance).append(outside ? ": B is outside what rounding explains, a B bug"
                : ": both sides are within rounding of exact arithmetic at the probed steps").toString();
    }
}
