package dev.logitparity.compare;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntFunction;

import static dev.logitparity.compare.SyntheticTraces.PROMPT;
import static dev.logitparity.compare.SyntheticTraces.copy;
import static dev.logitparity.compare.SyntheticTraces.freeRun;
import static dev.logitparity.compare.SyntheticTraces.rows;
import static dev.logitparity.compare.SyntheticTraces.tokensOnly;
import static dev.logitparity.compare.SyntheticTraces.withTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {
    private static final IntFunction<String> PIECES = id -> switch (id) {
        case 7 -> " Paris";
        case 9 -> "\n\"a very long piece\"\t";
        case 11 -> "東京都東京都東京都";
        default -> "t" + id;
    };

    private static DivergenceReport nearTieAtStep(int flip, int steps) {
        float[][] a = rows(steps, 40, 21);
        a[flip][7] = 6;
        a[flip][9] = 6 + 0x1p-13f;
        a[flip][flip % 40] = 1;
        float[][] b = copy(a);
        b[flip][7] = 6 + 0x1p-13f;
        b[flip][9] = 6;
        return TraceComparator.within(Band.defaults()).compare(freeRun("llama.cpp", a), freeRun("apr", b));
    }

    @Test
    void theSummaryNamesTheVerdictTheDivergenceAndTheBand() {
        String text = TextReport.render(nearTieAtStep(6, 12).withNote("B's ids were re-tokenised from text"), PIECES);

        assertTrue(text.startsWith("A: llama.cpp | B: apr | two-sided, top-10 overlap\n"), text);
        assertTrue(text.contains("verdict: NEAR_TIE_FLIP"), text);
        assertTrue(text.contains("prompt: both sides fed the same 3 ids\n"), text);
        assertTrue(text.contains("divergence: step 6: A 9 \"\\n\\\"a very"), text);
        assertTrue(flat(text).contains("B 7 \" Paris\" ahead by 0.000122"), text);
        assertTrue(text.contains("band: max |Δlogprob| <= 0.0500, KL <= 0.000100, near tie <= 0.100"), text);
        assertTrue(text.contains("note: B's ids were re-tokenised from text"), text);
    }

    @Test
    void theTableShowsThreeStepsEitherSideOfTheMarkedDivergence() {
        List<String> rows = tableRows(TextReport.render(nearTieAtStep(6, 12), PIECES));

        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9), rows.stream().map(TextReportTest::stepOf).toList());
        assertTrue(rows.get(3).startsWith(">      6"), rows.get(3));
        assertTrue(rows.get(3).endsWith("≠"), rows.get(3));
        assertTrue(rows.get(4).contains("~"), "after the flip the contexts differ: " + rows.get(4));
        assertFalse(rows.get(0).startsWith(">"));
    }

    @Test
    void everyLineFitsInOneHundredColumnsEvenWithWideAndEscapedPieces() {
        float[][] a = rows(8, 151_936, 22);
        int[] tokens = freeRun("x", a).tokens();
        tokens[3] = 151_935;
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, tokens, a);
        IntFunction<String> wide = id -> "東京都東京都東京都\n\u0007😀";
        for (DivergenceReport report : List.of(nearTieAtStep(6, 12), nearTieAtStep(0, 3),
                TraceComparator.within(Band.defaults()).compare(forced, tokensOnly("apr", tokens)),
                TraceComparator.within(Band.defaults()).compare(freeRun("a", a), freeRun("b", rows(8, 151_936, 23))))) {
            String text = TextReport.render(report, wide);
            for (String line : text.split("\n")) {
                assertTrue(columns(line) <= TextReport.WIDTH, columns(line) + " columns: " + line);
                assertFalse(line.chars().anyMatch(c -> c < ' '), "no control characters: " + line);
            }
        }
    }

    @Test
    void aOneSidedReportShowsBsTokenItsRankAndLogprob() {
        float[][] a = rows(3, 20, 24);
        a[1] = new float[20];
        a[1][3] = 5;
        a[1][11] = 4;
        int[] tokens = {0, 11, 2};
        Trace forced = withTokens("llama.cpp", CaptureMode.TEACHER_FORCED, PROMPT, tokens, a);
        DivergenceReport report = TraceComparator.within(Band.defaults()).compare(forced, tokensOnly("apr", tokens));
        String text = TextReport.render(report, PIECES);

        assertTrue(text.contains("verdict: LOGIT_MISMATCH"), text);
        assertTrue(flat(text).contains("B's token 11 \"東京都東京都東京都\" is rank 1 in A"),
                "the sentence names it whole: " + text);
        assertTrue(text.contains("A's margin 1.00"), text);
        assertTrue(text.contains("minimal passing band: none (one-sided: B gave no logits)"), text);
    }

    @Test
    void aTokenizationReportRendersBothPromptPieces() {
        float[][] rows = rows(2, 20, 25);
        Trace a = withTokens("llama.cpp", CaptureMode.FREE_RUN, new int[]{1, 7}, new int[]{0, 1}, rows);
        Trace b = withTokens("hf", CaptureMode.FREE_RUN, new int[]{1, 9}, new int[]{0, 1}, copy(rows));
        String text = TextReport.render(TraceComparator.within(Band.defaults()).compare(a, b), PIECES);

        assertTrue(text.contains("verdict: TOKENIZATION"), text);
        assertTrue(text.contains("prompt: ids differ at position 1: A 7 \" Paris\", B 9 \"\\n\\\"a very long piece\\\"\\t\""),
                "whole, escaped: " + text);
    }

    /** The text with its line wraps undone (lines are wrapped only at spaces outside quoted pieces). */
    private static String flat(String text) {
        return text.replaceAll(" *\n +", " ");
    }

    private static List<String> tableRows(String text) {
        return text.lines().filter(line -> line.matches("[> ] +\\d+ .*")).toList();
    }

    private static int stepOf(String row) {
        return Integer.parseInt(row.substring(2).strip().split(" ")[0]);
    }

    /** Terminal columns, East Asian wide characters counting two, as the renderer counts them. */
    private static int columns(String line) {
        return line.codePoints().map(c -> (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ? 2 : 1).sum();
    }
}
