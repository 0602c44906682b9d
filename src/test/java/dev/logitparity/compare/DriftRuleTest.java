package dev.logitparity.compare;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftRuleTest {
    private static final Band BAND = Band.logprob(0.01).kl(1);

    @Test
    void theTrendIsSpearmansRankCorrelationWithPosition() {
        assertEquals(1, DriftRule.trend(steps(0.001, 0.002, 0.5, 0.7)), 1e-12);
        assertEquals(-1, DriftRule.trend(steps(4, 3, 2, 1)), 1e-12);
        assertEquals(0, DriftRule.trend(steps(1, 1, 1, 1)));
        // Ties take their average rank: ranks (1.5, 1.5, 3, 4) against (1, 2, 3, 4).
        assertEquals(0.9486832980505138, DriftRule.trend(steps(0, 0, 1, 2)), 1e-12);
        assertEquals(1, DriftRule.trend(List.of(step(0, 0.001, 0), step(1, 0.2, 0), step(2, 0.1, 3))), 1e-12,
                "a non-finite step counts as the worst");
    }

    @Test
    void driftNeedsAnInBandStartAnOutOfBandEndThreeStepsAndAGrowingTrend() {
        assertTrue(DriftRule.holds(steps(0.001, 0.005, 0.02, 0.05), step -> BAND));
        assertFalse(DriftRule.holds(steps(0.02, 0.03, 0.04), step -> BAND), "starts outside");
        assertFalse(DriftRule.holds(steps(0.001, 0.5, 0.001, 0.002), step -> BAND), "ends inside: a spike");
        assertFalse(DriftRule.holds(steps(0.001, 0.05), step -> BAND), "too short to show a trend");
        assertFalse(DriftRule.holds(steps(0.001, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.05), step -> BAND),
                "jumps then shrinks");
    }

    private static List<StepMetrics> steps(double... maxAbsDeltas) {
        return IntStream.range(0, maxAbsDeltas.length).mapToObj(i -> step(i, maxAbsDeltas[i], 0)).toList();
    }

    private static StepMetrics step(int step, double maxAbsDelta, int nonFiniteA) {
        return new StepMetrics(step, 0, 0, false, 0, 0, 0, 0, 0, maxAbsDelta, maxAbsDelta / 2, 0, 0, 1, 0, 0,
                nonFiniteA, 0, false);
    }
}
