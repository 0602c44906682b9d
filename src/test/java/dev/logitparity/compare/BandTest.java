package dev.logitparity.compare;

import dev.logitparity.BadInputException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        assertEquals(new Band(0.05, 1e-4, 0.1), Band.defaults());
    }

    @Test
    void fluentConstructionSetsEachThreshold() {
        assertEquals(new Band(1e-3, 1e-4, 2e-3), Band.logprob(1e-3).kl(1e-4));
        assertEquals(new Band(1e-3, 1e-6, 0.5), Band.logprob(1e-3).kl(1e-6).nearTie(0.5));
    }

    @Test
    void negativeOrNonFiniteThresholdsAreBadInput() {
        for (double bad : new double[]{-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            BadInputException e = assertThrows(BadInputException.class, () -> Band.logprob(1e-3).kl(bad));
            assertTrue(e.getMessage().startsWith("band kl must be finite and >= 0"), e.getMessage());
        }
    }

    @Test
    void aStepIsAdmittedWhenFiniteAndWithinBothThresholds() {
        Band band = Band.logprob(0.01).kl(1e-4);
        assertTrue(band.admits(step(0.01, 1e-4, 0)));
        assertFalse(band.admits(step(0.0100001, 0, 0)));
        assertFalse(band.admits(step(0, 1.1e-4, 0)));
        assertFalse(band.admits(step(0, 0, 1)));
    }

    private static StepMetrics step(double maxAbsDelta, double kl, int nonFiniteB) {
        return new StepMetrics(0, 0, 0, false, 0, 0, 0, 0, 0, maxAbsDelta, 0, 0, kl, 1, 0, 0, 0, nonFiniteB, false);
    }
}
