package dev.logitparity.report;

import dev.logitparity.compare.Band;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StepSeriesTest {

    private final StepSeries series = StepSeries.of(ReportFixtures.report(), ReportFixtures.a(), ReportFixtures.b(), 3);

    @Test
    void eachSidesMarginIsItsTopTwoLogitsApart() {
        // log-softmax subtracts one constant per row, so the gap between two log-probs is the gap between the logits
        assertEquals(1.0, series.marginA().get(0), 1e-9);
        assertEquals(2.0, series.marginA().get(1), 1e-9);
        assertEquals(1.5, series.marginB().get(1), 1e-9);
        assertEquals(0.01, series.marginA().get(3), 1e-6);
    }

    @Test
    void theMarkedStepsAreTheFirstOutOfBandAndTheFirstDivergence() {
        assertEquals(1, series.firstOutOfBand());
        assertEquals(3, series.firstDivergent());
        assertEquals(Band.DEFAULT_LOGPROB, series.band().get(0));
    }

    @Test
    void topTokensAreEachSidesBestFirst() {
        assertArrayEquals(new int[]{1, 2, 0}, series.tops().get(3).idsA());
        assertArrayEquals(new int[]{2, 1, 0}, series.tops().get(3).idsB());
    }
}
