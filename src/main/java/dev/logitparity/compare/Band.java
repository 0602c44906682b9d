package dev.logitparity.compare;

import dev.logitparity.BadInputException;

/**
 * How far two runtimes' log-probabilities may differ at one step and still count as the same computation, and how
 * close two candidate tokens must be for a flip between them to count as numerical noise.
 * Build one fluently: {@code Band.logprob(1e-3).kl(1e-4)}, take {@link #defaults()}, or better, derive one from the
 * {@link NoiseFloor} measured for the run ({@link NoiseFloor#band()}), which is what the command line does.
 *
 * <p><b>Fixed defaults</b>, for when no floor can be measured: max |Δlogprob| 0.05 nats, KL 1e-4 nats, near-tie margin 0.1 nats. A correct runtime differs from
 * llama.cpp at least as much as llama.cpp's own kernel variants differ from each other, so the band must sit above
 * that floor. Measured on the project's F32 test models (qwen2, llama, gpt2; 24 teacher-forced steps): toggling
 * llama.cpp's flash-attention kernel moves max |Δlogprob| by 0.013 to 0.022 and KL by 5e-6 to 1.3e-5; decoding the
 * prompt token by token instead of in one batch, by 1.5e-6 to 7.5e-4 and at most 1.2e-8. The defaults leave headroom
 * over that (about 2.5x for |Δlogprob|, 10x for KL): 0.05 nats is a 5 % change in any one token's probability, far
 * below what a weights, embedding, RoPE or normalisation bug does at step 0 (tenths of a nat to whole nats). The
 * near-tie margin is twice the logprob threshold because two rows within the band can move the gap between two
 * tokens by up to that much: a flip with a wider margin cannot be in-band noise. Not measured: llama.cpp's F16 KV
 * cache, which alone moves log-probs by ~0.06 from an fp32 runtime, and Q8_0 activation rounding (tenths of a nat):
 * the floor covers both.
 *
 * @param logprob the largest allowed {@code max |zA - zB|} over the vocabulary, in nats
 * @param kl      the largest allowed {@code KL(A || B)}, in nats
 * @param nearTie the largest winning margin (nats) at which an argmax flip counts as a near tie; a pair of rows
 *                within {@code logprob} of each other can move the gap between two tokens by up to twice that, so
 *                the margin follows as {@code 2 * logprob} unless set
 */
public record Band(double logprob, double kl, double nearTie) {
    public static final double DEFAULT_LOGPROB = 0.05;
    public static final double DEFAULT_KL = 1e-4;

    public Band {
        check("logprob", logprob);
        check("kl", kl);
        check("nearTie", nearTie);
    }

    public static Band defaults() {
        return logprob(DEFAULT_LOGPROB);
    }

    /** The default band with this max {@code |Δlogprob|}, and a near-tie margin of twice it. */
    public static Band logprob(double maxAbsDelta) {
        return new Band(maxAbsDelta, DEFAULT_KL, 2 * maxAbsDelta);
    }

    /** This band with another KL threshold. */
    public Band kl(double maxKl) {
        return new Band(logprob, maxKl, nearTie);
    }

    /** This band with another near-tie margin. */
    public Band nearTie(double margin) {
        return new Band(logprob, kl, margin);
    }

    /** Whether the step's logits are finite and within both thresholds. */
    public boolean admits(StepMetrics step) {
        return step.nonFinite() == 0 && step.maxAbsDelta() <= logprob && step.kl() <= kl;
    }

    private static void check(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new BadInputException("band " + name + " must be finite and >= 0, got " + value);
        }
    }
}
