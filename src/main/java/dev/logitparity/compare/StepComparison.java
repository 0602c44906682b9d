package dev.logitparity.compare;

/** One compared step: {@link StepMetrics} when both sides gave logits, {@link OneSidedStep} when B gave only tokens. */
public sealed interface StepComparison permits StepMetrics, OneSidedStep {

    int step();

    /** The token A chose (free-run) or was fed (teacher-forced) at this step, as its trace records it. */
    int tokenA();

    /** The token B chose or was fed at this step. */
    int tokenB();

    /** True once the two sides have been fed different tokens (or prompts): this step compares different contexts. */
    boolean contextsDiffer();

    /** A's greedy choice from its logits. */
    int argmaxA();

    /** B's greedy choice: its argmax, or the token it chose when it gave no logits. */
    int choiceB();

    /** Number of non-finite logits at this step, both sides together. */
    int nonFinite();

    default boolean agrees() {
        return argmaxA() == choiceB();
    }
}
