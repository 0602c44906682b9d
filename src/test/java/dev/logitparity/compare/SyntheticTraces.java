package dev.logitparity.compare;

import dev.logitparity.logits.PlainRanking;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ObjIntConsumer;

/** Small hand-built traces for comparator and export tests: no libllama needed. */
public final class SyntheticTraces {
    public static final int[] PROMPT = {3, 1, 0};

    private SyntheticTraces() {
    }

    public static RunInfo info(String source, CaptureMode mode) {
        return new RunInfo(source, null, null, null, mode, "synthetic", Map.of(), "test");
    }

    /** A free-run trace: each step's token is its row's argmax. */
    public static Trace freeRun(String source, float[][] rows) {
        int[] tokens = new int[rows.length];
        for (int step = 0; step < rows.length; step++) {
            tokens[step] = PlainRanking.argmax(rows[step]);
        }
        return withTokens(source, CaptureMode.FREE_RUN, PROMPT, tokens, rows);
    }

    public static Trace withTokens(String source, CaptureMode mode, int[] prompt, int[] tokens, float[][] rows) {
        int vocab = rows.length == 0 ? 1 : rows[0].length;
        InMemoryLogits.Builder logits = InMemoryLogits.builder(vocab, rows.length);
        for (float[] row : rows) {
            logits.appendRow(row);
        }
        return Trace.of(info(source, mode), prompt, tokens, logits.build());
    }

    public static Trace tokensOnly(String source, int[] tokens) {
        return Trace.tokensOnly(info(source, CaptureMode.FREE_RUN), PROMPT, tokens);
    }

    /** {@code steps} copies of {@code row}. */
    public static float[][] repeat(float[] row, int steps) {
        float[][] rows = new float[steps][];
        for (int step = 0; step < steps; step++) {
            rows[step] = row.clone();
        }
        return rows;
    }

    public static float[][] copy(float[][] rows) {
        float[][] copy = new float[rows.length][];
        for (int step = 0; step < rows.length; step++) {
            copy[step] = rows[step].clone();
        }
        return copy;
    }

    /** Seeded rows with a clear winner (token {@code step % vocab} ahead by 4) over a spread of others. */
    public static float[][] rows(int steps, int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[steps][vocab];
        for (int step = 0; step < steps; step++) {
            for (int token = 0; token < vocab; token++) {
                rows[step][token] = (float) random.nextDouble(-3, 3);
            }
            rows[step][step % vocab] = 8;
        }
        return rows;
    }

    /** Reference log-probabilities in plain double arithmetic with Math.exp. */
    public static double[] logprobs(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        double lse = max + Math.log(sum);
        double[] z = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            z[i] = row[i] - lse;
        }
        return z;
    }

    /** {@code inner}, with {@code beforeCopy} told of each row copy (the buffer and the step) before it is made. */
    public static Logits intercepting(Logits inner, ObjIntConsumer<float[]> beforeCopy) {
        return new Logits() {
            @Override
            public int steps() {
                return inner.steps();
            }

            @Override
            public int vocab() {
                return inner.vocab();
            }

            @Override
            public void copyRow(int step, float[] dst) {
                beforeCopy.accept(dst, step);
                inner.copyRow(step, dst);
            }

            @Override
            public float get(int step, int token) {
                return inner.get(step, token);
            }
        };
    }
}
