package dev.logitparity.logits;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastExpTest {

    @Test
    void expIsWithinAFewUlpsOfMathExpOverItsWholeRange() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double y = random.nextDouble(-700, 709);
            worst = Math.max(worst, Math.abs(FastExp.exp(y) - Math.exp(y)) / Math.exp(y));
        }
        assertTrue(worst < 1e-15, "worst relative error " + worst);
    }

    @Test
    void expHandlesTheEdges() {
        assertEquals(1.0, FastExp.exp(0));
        assertEquals(0.0, FastExp.exp(-701));
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(710));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
    }

    @Test
    void expNearIsWithinAFewUlpsOfMathExpForSmallArguments() {
        SplittableRandom random = new SplittableRandom(8);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double t = random.nextDouble(-FastExp.NEAR, FastExp.NEAR);
            worst = Math.max(worst, Math.abs(FastExp.expNear(t) - Math.exp(t)) / Math.exp(t));
        }
        assertTrue(worst < 1e-15, "worst relative error " + worst);
        assertEquals(1.0, FastExp.expNear(0));
    }
}
