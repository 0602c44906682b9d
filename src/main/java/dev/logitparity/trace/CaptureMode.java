package dev.logitparity.trace;

/** How the token at each step was chosen. */
public enum CaptureMode {
    /** The runtime's own greedy choice fed the next step. */
    FREE_RUN,
    /** A given token sequence was fed regardless of the runtime's choice, so two runtimes stay comparable past
     *  their first disagreement. */
    TEACHER_FORCED
}
