package dev.logitparity.export;

import dev.logitparity.BadInputException;
import dev.logitparity.compare.SyntheticTraces;
import dev.logitparity.Python;
import dev.logitparity.logits.PlainRanking;
import dev.logitparity.trace.Trace;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static dev.logitparity.compare.SyntheticTraces.copy;
import static dev.logitparity.compare.SyntheticTraces.freeRun;
import static dev.logitparity.compare.SyntheticTraces.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportTest {
    /** Pieces with every character CSV must quote. */
    private static final IntFunction<String> PIECES = id -> id % 3 == 0 ? " a, \"b\"\nc" : "t" + id;

    @TempDir
    Path dir;

    private final float[][] rowsA = rows(4, 50, 41);
    private final float[][] rowsB = perturbed(rowsA);

    private static float[][] perturbed(float[][] rows) {
        float[][] b = copy(rows);
        for (int step = 0; step < b.length; step++) {
            for (int token = 0; token < b[step].length; token++) {
                b[step][token] += (float) (1.5 * Math.sin(step * 50 + token));
            }
        }
        return b;
    }

    /**
     * Every value is derived here, not by the production row maths: the top-k and ranks from a sort of each row
     * ({@link PlainRanking}), the log-probabilities with {@link Math#exp} in double ({@link SyntheticTraces#logprobs}).
     */
    @Test
    void theTopKCsvHasExactlyTheColumnsAndOneRowPerTokenOfTheUnionOfBothTopKs() throws IOException {
        Path csv = CsvExport.topK(5).write(freeRun("a", rowsA), freeRun("b", rowsB), PIECES, dir.resolve("s.csv"));

        List<CSVRecord> records = read(csv);
        List<String> expectedKeys = new ArrayList<>();
        for (int step = 0; step < rowsA.length; step++) {
            // A's top 5 best first, then those of B's top 5 that A's lacks, best first.
            Set<Integer> union = new LinkedHashSet<>();
            int[] orderA = PlainRanking.greedyOrder(rowsA[step]);
            int[] orderB = PlainRanking.greedyOrder(rowsB[step]);
            for (int i = 0; i < 5; i++) {
                union.add(orderA[i]);
            }
            for (int i = 0; i < 5; i++) {
                union.add(orderB[i]);
            }
            for (int token : union) {
                expectedKeys.add(step + ":" + token);
            }
        }
        assertEquals(expectedKeys, records.stream().map(r -> r.get("step") + ":" + r.get("token_id")).toList());
        assertTrue(records.size() > 4 * 5, "the perturbation makes the two top-5s differ");
        for (CSVRecord r : records) {
            int step = Integer.parseInt(r.get("step"));
            int token = Integer.parseInt(r.get("token_id"));
            double logprobA = SyntheticTraces.logprobs(rowsA[step])[token];
            double logprobB = SyntheticTraces.logprobs(rowsB[step])[token];
            assertEquals(PIECES.apply(token), r.get("piece"));
            // FastExp against Math.exp, summed over 50 values of order 1: a few ulps of the logsumexp.
            assertEquals(logprobA, Double.parseDouble(r.get("logprob_a")), 1e-13);
            assertEquals(logprobB, Double.parseDouble(r.get("logprob_b")), 1e-13);
            assertEquals(logprobA - logprobB, Double.parseDouble(r.get("delta")), 1e-13);
            assertEquals(PlainRanking.rank(rowsA[step], token), Integer.parseInt(r.get("rank_a")));
            assertEquals(PlainRanking.rank(rowsB[step], token), Integer.parseInt(r.get("rank_b")));
        }
    }

    @Test
    void theFullVocabularyCsvHasStepsTimesVocabRowsWithEveryRankOnce() throws IOException {
        Path csv = CsvExport.fullVocab().write(freeRun("a", rowsA), freeRun("b", rowsB), PIECES, dir.resolve("f.csv"));

        List<CSVRecord> records = read(csv);
        assertEquals(4 * 50, records.size());
        for (int step = 0; step < 4; step++) {
            int[] order = PlainRanking.greedyOrder(rowsA[step]);
            for (int rank = 0; rank < 50; rank++) {
                CSVRecord r = records.get(step * 50 + order[rank]);
                assertEquals(order[rank], Integer.parseInt(r.get("token_id")));
                assertEquals(rank, Integer.parseInt(r.get("rank_a")), "step " + step + " token " + order[rank]);
            }
        }
    }

    @Test
    void fullVocabularyRanksFollowGreedyOrderForTiesAndNaN() throws IOException {
        // Greedy order, by hand: 3 (id 1) before 3 (id 3), then 1, 0.0 (id 5, -0.0) before 0.0 (id 6), -inf, NaN.
        float[][] a = {{1, 3, Float.NaN, 3, Float.NEGATIVE_INFINITY, -0.0f, 0.0f}};
        Path csv = CsvExport.fullVocab().write(freeRun("a", a), freeRun("b", copy(a)), PIECES, dir.resolve("t.csv"));
        List<Integer> ranks = read(csv).stream().map(r -> Integer.parseInt(r.get("rank_a"))).toList();
        assertEquals(List.of(2, 0, 6, 1, 5, 3, 4), ranks);
    }

    @Test
    void withoutBsLogitsItsColumnsAreEmptyAndItsTokenIsListed() throws IOException {
        int[] bTokens = {0, 49, 2, 3};
        Trace b = SyntheticTraces.tokensOnly("apr", bTokens);
        Path csv = CsvExport.topK(3).write(freeRun("a", rowsA), b, PIECES, dir.resolve("o.csv"));

        List<CSVRecord> step1 = read(csv).stream().filter(r -> r.get("step").equals("1")).toList();
        assertEquals(49, Integer.parseInt(step1.getLast().get("token_id")));
        assertEquals(4, step1.size());
        for (CSVRecord r : step1) {
            assertEquals("", r.get("logprob_b"));
            assertEquals("", r.get("delta"));
            assertEquals("", r.get("rank_b"));
        }
    }

    @Test
    void pandasAndPythonsCsvReadTheFileBack() throws IOException {
        Python.require("pandas");
        Path csv = CsvExport.topK(5).write(freeRun("a", rowsA), freeRun("b", rowsB), PIECES, dir.resolve("p.csv"));
        List<CSVRecord> records = read(csv);

        Python.Result result = Python.run("""
                import csv, sys, pandas
                frame = pandas.read_csv(sys.argv[1], keep_default_na=False)
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    rows = list(csv.DictReader(f))
                assert list(frame.columns) == ['step', 'token_id', 'piece', 'logprob_a', 'logprob_b', 'delta',
                                               'rank_a', 'rank_b'], list(frame.columns)
                assert len(rows) == len(frame)
                assert all(frame['piece'][i] == rows[i]['piece'] for i in range(len(rows)))
                assert all(float(rows[i]['delta']) == frame['delta'][i] for i in range(len(rows)))
                print(len(frame), frame['piece'][0] == ' a, "b"\\nc', repr(float(frame['logprob_a'][0])))
                """, csv.toString());
        assertEquals(0, result.exitCode(), result.output());
        String[] out = result.output().strip().split(" ");
        assertEquals(Integer.toString(records.size()), out[0]);
        assertEquals(Double.parseDouble(records.getFirst().get("logprob_a")), Double.parseDouble(out[2]));
    }

    @Test
    void aFailingExportLeavesNoFileBehind() throws IOException {
        Path target = dir.resolve("x.csv");
        IntFunction<String> failing = id -> {
            throw new IllegalStateException("vocab gone");
        };
        assertThrows(IllegalStateException.class,
                () -> CsvExport.topK(3).write(freeRun("a", rowsA), freeRun("b", rowsB), failing, target));
        assertDirectoryEmpty();

        Path occupied = Files.createDirectories(dir.resolve("occupied")).resolve("keep");
        Files.writeString(occupied, "mine");
        BadInputException onFolder = assertThrows(BadInputException.class, () -> CsvExport.topK(3)
                .write(freeRun("a", rowsA), freeRun("b", rowsB), PIECES, occupied.getParent()));
        assertTrue(onFolder.getMessage().startsWith(occupied.getParent() + ": cannot write it"), onFolder.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("occupied")), files.toList(), "no temporary file left");
        }
        assertEquals("mine", Files.readString(occupied));

        // A regular file where the target's folder should be.
        BadInputException underFile = assertThrows(BadInputException.class, () -> CsvExport.topK(3)
                .write(freeRun("a", rowsA), freeRun("b", rowsB), PIECES, occupied.resolve("x.csv")));
        assertTrue(underFile.getMessage().startsWith(occupied.resolve("x.csv") + ": cannot write it"),
                underFile.getMessage());
        assertEquals("mine", Files.readString(occupied));
    }

    @Test
    void missingFoldersOfTheTargetAreCreated() throws IOException {
        Path target = dir.resolve("new/folder/x.csv");
        CsvExport.topK(3).write(freeRun("a", rowsA), freeRun("b", rowsB), PIECES, target);
        assertTrue(Files.isRegularFile(target));
    }

    @Test
    void mismatchedVocabulariesAreBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> CsvExport.topK(3)
                .write(freeRun("a", rowsA), freeRun("b", rows(2, 51, 1)), PIECES, dir.resolve("v.csv")));
        assertTrue(e.getMessage().contains("50") && e.getMessage().contains("51"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("v.csv")));
    }

    private void assertDirectoryEmpty() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertNull(files.findAny().orElse(null));
        }
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertEquals(CsvExport.COLUMNS, parser.getHeaderNames());
            return parser.getRecords();
        }
    }
}
