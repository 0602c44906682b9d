package dev.logitparity.compare;

import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;

import static dev.logitparity.compare.SyntheticTraces.PROMPT;
import static dev.logitparity.compare.SyntheticTraces.withTokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Non-finite logits on one side never hide the other side's choice: each argmax is over that side's own finite
 * values, and the divergence is reported where the choices part (issue 11, item 6). Values worked out by hand.
 */
class NonFiniteChoicesTest {

    private static final float NAN = Float.NaN;

    @Test
    void aNanAtAsChoiceInBLeavesAsArgmaxAndIsADivergence() {
        // A picks 1 (5 > 2); B has NaN there, so its own pick among its finite values is 2
        float[][] a = {{0, 5, 2, 1}};
        float[][] b = {{0, NAN, 2, 1}};
        StepMetrics step = compare(a, b);
        assertEquals(1, step.argmaxA());
        assertEquals(2, step.argmaxB());
        // A: 5 - 2 ahead of B's choice; B gives A's choice no finite value
        assertEquals(3.0, step.marginA());
        assertEquals(Double.POSITIVE_INFINITY, step.marginB());
        assertEquals(1, step.nonFiniteB());
        DivergenceReport report = report(a, b);
        assertEquals(0, report.summary().divergence().step(), report.summary().reason());
        assertTrue(report.summary().reason().contains("non-finite"), report.summary().reason());
    }

    @Test
    void anAllNanBHasNoChoiceAndIsNeverReportedAsAgreeing() {
        float[][] a = {{0, 5, 2, 1}};
        float[][] b = {{NAN, NAN, NAN, NAN}};
        StepMetrics step = compare(a, b);
        assertEquals(1, step.argmaxA());
        assertEquals(-1, step.argmaxB());
        assertEquals(4, step.nonFiniteB());
        DivergenceReport report = report(a, b);
        assertEquals(0, report.summary().divergence().step(), report.summary().reason());
        assertEquals(4, report.summary().nonFinite().valuesB());
    }

    @Test
    void aNanElsewhereKeepsBothChoicesAndTheirFiniteMargins() {
        float[][] a = {{0, 5, 2, 1}};
        float[][] b = {{NAN, 5, 2, 1}};
        StepMetrics step = compare(a, b);
        assertEquals(1, step.argmaxA());
        assertEquals(1, step.argmaxB());
        assertEquals(0, step.marginA());
    }

    private static StepMetrics compare(float[][] a, float[][] b) {
        return (StepMetrics) report(a, b).steps().getFirst();
    }

    private static DivergenceReport report(float[][] a, float[][] b) {
        try (Trace ta = withTokens("a", CaptureMode.FREE_RUN, PROMPT, new int[] {1}, a);
             Trace tb = withTokens("b", CaptureMode.TEACHER_FORCED, PROMPT, new int[] {1}, b)) {
            return TraceComparator.within(Band.defaults()).compare(ta, tb);
        }
    }
}
