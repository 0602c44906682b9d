package dev.logitparity.export;

import dev.logitparity.BadInputException;
import dev.logitparity.files.AtomicFile;
import dev.logitparity.logits.LogProbs;
import dev.logitparity.logits.TopK;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.Trace;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Exports two traces' log-probabilities in long form, one CSV row per (step, token), over their common steps:
 * <pre>step, token_id, piece, logprob_a, logprob_b, delta, rank_a, rank_b</pre>
 * {@code delta = logprob_a - logprob_b}; ranks count from 0 (the argmax), as {@link LogProbs#rank} defines them.
 * Per step, the tokens are the union of both sides' top-k (A's in order, then B's others; when B gave only tokens,
 * the token B chose instead of its top-k), or the whole vocabulary in id order. When B has no logits its columns are
 * empty. Rows stream to the file as they are computed (memory does not grow with steps or vocabulary rows), into a
 * temporary file renamed into place at the end: a failure leaves nothing behind.
 * <pre>{@code
 * CsvExport.topK(10).write(a, b, vocab::piece, Path.of("steps.csv"));
 * }</pre>
 */
public final class CsvExport {
    public static final List<String> COLUMNS =
            List.of("step", "token_id", "piece", "logprob_a", "logprob_b", "delta", "rank_a", "rank_b");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();

    /** k of the top-k union; 0 for the full vocabulary. */
    private final int topK;

    private CsvExport(int topK) {
        this.topK = topK;
    }

    /** Rows for the union of both sides' {@code k} most likely tokens at each step. */
    public static CsvExport topK(int k) {
        return new CsvExport(BadInputException.requireAtLeastOne("top-k", k));
    }

    /** Rows for every token of the vocabulary at each step. */
    public static CsvExport fullVocab() {
        return new CsvExport(0);
    }

    /**
     * Writes the CSV to {@code target}, replacing it if it exists.
     *
     * @param pieces token id to its text, for the {@code piece} column
     * @throws BadInputException when A has no logits or the two vocabularies differ in size
     */
    public Path write(Trace a, Trace b, IntFunction<String> pieces, Path target) throws IOException {
        Logits logitsA = a.logits().orElseThrow(() -> new BadInputException("trace A (" + a.info().source()
                + ") has no logits to export"));
        Logits logitsB = b.logits().orElse(null);
        if (logitsB != null && logitsB.vocab() != logitsA.vocab()) {
            throw new BadInputException("vocabulary sizes differ: A (" + a.info().source() + ") has "
                    + logitsA.vocab() + ", B (" + b.info().source() + ") has " + logitsB.vocab());
        }
        int steps = Math.min(a.steps(), b.steps());
        for (int step = 0; logitsB == null && step < steps; step++) {
            if (b.token(step) >= logitsA.vocab()) {
                throw new BadInputException("B (" + b.info().source() + ") token " + b.token(step) + " at step "
                        + step + " is outside A's vocabulary of " + logitsA.vocab());
            }
        }
        return AtomicFile.write(target, temp -> {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = FORMAT.print(writer)) {
                Side sideA = new Side(logitsA, topK);
                Side sideB = logitsB == null ? null : new Side(logitsB, topK);
                for (int step = 0; step < steps; step++) {
                    sideA.load(step);
                    if (sideB != null) {
                        sideB.load(step);
                    }
                    for (int token : tokens(sideA, sideB, b.token(step))) {
                        double logprobA = sideA.logprob(token);
                        Double logprobB = sideB == null ? null : sideB.logprob(token);
                        printer.printRecord(step, token, pieces.apply(token), logprobA, logprobB,
                                sideB == null ? null : logprobA - logprobB, sideA.rank(token),
                                sideB == null ? null : sideB.rank(token));
                    }
                }
            }
        });
    }

    private Iterable<Integer> tokens(Side a, Side b, int chosenByB) {
        if (topK == 0) {
            return () -> IntStream.range(0, a.logits.vocab()).iterator();
        }
        SequencedSet<Integer> union = new LinkedHashSet<>();
        for (int token : a.top()) {
            union.add(token);
        }
        if (b == null) {
            union.add(chosenByB);
        } else {
            for (int token : b.top()) {
                union.add(token);
            }
        }
        return union;
    }

    /** One side's current row, with its logsumexp and (full vocabulary) the ranks of all tokens. */
    private static final class Side {
        private final Logits logits;
        private final int topK;
        private final float[] row;
        private final AllRanks allRanks;
        private int[] ranks;
        private double logSumExp;

        Side(Logits logits, int topK) {
            this.logits = logits;
            this.topK = topK;
            this.row = new float[logits.vocab()];
            this.allRanks = topK == 0 ? new AllRanks(logits.vocab()) : null;
        }

        void load(int step) {
            logits.copyRow(step, row);
            logSumExp = LogProbs.logSumExp(row, logits.vocab());
            ranks = allRanks == null ? null : allRanks.of(row);
        }

        int[] top() {
            return TopK.of(row, logits.vocab(), topK);
        }

        double logprob(int token) {
            return row[token] - logSumExp;
        }

        int rank(int token) {
            return ranks != null ? ranks[token] : LogProbs.rank(row, logits.vocab(), token);
        }
    }
}
