package dev.logitparity.compare;

/**
 * How far one runtime's log-probabilities are from another's over some steps: the largest {@code max |Δlogprob|}
 * and the largest {@code KL}, in nats.
 */
public record Distance(double logprob, double kl) {
    public static final Distance ZERO = new Distance(0, 0);

    /**
     * The bound on A to C given A to B and B to C. max |Δlogprob| is a sup norm, so the triangle inequality holds
     * exactly; KL is not a metric, but its square root behaves as one for nearby distributions (it is half the
     * squared Hellinger distance to second order), so square roots add.
     */
    public Distance plus(Distance other) {
        double root = Math.sqrt(kl) + Math.sqrt(other.kl);
        return new Distance(logprob + other.logprob, root * root);
    }

    public Distance max(Distance other) {
        return new Distance(Math.max(logprob, other.logprob), Math.max(kl, other.kl));
    }

    /** This distance scaled by {@code factor}: KL grows with the square of a small log-probability difference. */
    public Distance times(double factor) {
        return new Distance(logprob * factor, kl * factor * factor);
    }

    /** The larger of this and the metrics of one step. */
    public Distance max(StepMetrics step) {
        return max(new Distance(step.maxAbsDelta(), step.kl()));
    }
}
