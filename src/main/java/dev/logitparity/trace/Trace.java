package dev.logitparity.trace;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of one runtime: what produced it, the prompt token ids, the token chosen or fed at each step, and — when the
 * source gives them — each step's full-vocabulary logits. Every producer makes one; every consumer takes one.
 * Closing a trace closes its logits (which may be a mapped file); a trace built in memory needs no closing.
 */
public final class Trace implements AutoCloseable {
    private final RunInfo info;
    private final int[] promptTokens;
    private final int[] tokens;
    private final Logits logits;

    private Trace(RunInfo info, int[] promptTokens, int[] tokens, Logits logits) {
        this.info = Objects.requireNonNull(info, "info");
        this.promptTokens = promptTokens.clone();
        this.tokens = tokens.clone();
        this.logits = logits;
        int vocab = logits == null ? Integer.MAX_VALUE : logits.vocab();
        checkIds("promptTokens", this.promptTokens, vocab);
        checkIds("tokens", this.tokens, vocab);
        if (logits != null && logits.steps() != this.tokens.length) {
            throw new IllegalArgumentException(this.tokens.length + " tokens but " + logits.steps() + " logits rows");
        }
    }

    /** A trace with one logits row per token; takes ownership of {@code logits}, which {@link #close()} closes. */
    public static Trace of(RunInfo info, int[] promptTokens, int[] tokens, Logits logits) {
        return new Trace(info, promptTokens, tokens, Objects.requireNonNull(logits, "logits"));
    }

    /** A trace from a source that gives token ids but no logits. */
    public static Trace tokensOnly(RunInfo info, int[] promptTokens, int[] tokens) {
        return new Trace(info, promptTokens, tokens, null);
    }

    public RunInfo info() {
        return info;
    }

    /** A copy of the prompt token ids. */
    public int[] promptTokens() {
        return promptTokens.clone();
    }

    /** A copy of the token chosen (free-run) or fed (teacher-forced) at each step. */
    public int[] tokens() {
        return tokens.clone();
    }

    public int token(int step) {
        return tokens[Objects.checkIndex(step, tokens.length)];
    }

    public int steps() {
        return tokens.length;
    }

    /** The logits, {@code steps()} rows; empty when the source gave only tokens. */
    public Optional<Logits> logits() {
        return Optional.ofNullable(logits);
    }

    /**
     * The first {@code n} steps of this trace: the same run info and prompt, the first {@code n} tokens and, when this
     * trace has logits, a view of their first {@code n} rows that copies nothing. The view does not own those rows:
     * closing it releases nothing, and it can be read only while this trace is open (closing this trace closes them).
     *
     * @throws IllegalArgumentException when {@code n} is negative or more than {@link #steps()}
     */
    public Trace firstSteps(int n) {
        if (n < 0 || n > tokens.length) {
            throw new IllegalArgumentException("cannot take the first " + n + " steps of a trace of " + tokens.length);
        }
        Logits rows = logits == null ? null : new FirstRows(logits, n);
        return new Trace(info, promptTokens, Arrays.copyOf(tokens, n), rows);
    }

    @Override
    public void close() {
        if (logits != null) {
            logits.close();
        }
    }

    @Override
    public String toString() {
        return "Trace[" + info.source() + ", " + info.mode() + ", " + promptTokens.length + " prompt tokens, "
                + tokens.length + " steps, " + (logits == null ? "no logits" : "vocab " + logits.vocab()) + "]";
    }

    /** The first {@code steps} rows of logits owned by another trace. */
    private record FirstRows(Logits whole, int steps) implements Logits {
        @Override
        public int vocab() {
            return whole.vocab();
        }

        @Override
        public void copyRow(int step, float[] dst) {
            whole.copyRow(Objects.checkIndex(step, steps), dst);
        }

        @Override
        public float get(int step, int token) {
            return whole.get(Objects.checkIndex(step, steps), token);
        }

        @Override
        public boolean complete() {
            return whole.complete();
        }

        // The rows belong to the trace the view was taken from; it alone releases them.
        @Override
        public void close() {
        }
    }

    private static void checkIds(String what, int[] ids, int vocab) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + ids[i]
                        + (ids[i] < 0 ? " is negative" : " is outside vocab " + vocab));
            }
        }
    }
}
