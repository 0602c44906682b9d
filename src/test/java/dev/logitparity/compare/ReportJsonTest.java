package dev.logitparity.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static dev.logitparity.compare.SyntheticTraces.copy;
import static dev.logitparity.compare.SyntheticTraces.freeRun;
import static dev.logitparity.compare.SyntheticTraces.rows;
import static dev.logitparity.compare.SyntheticTraces.tokensOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report is what {@code --json} prints: Jackson writes the records as they are. */
class ReportJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTwoSidedReportSerialisesItsSummaryAndEveryStep() throws Exception {
        float[][] a = rows(4, 30, 31);
        float[][] b = copy(a);
        b[2][5] += 1;
        DivergenceReport report = TraceComparator.within(Band.defaults()).compare(freeRun("llama.cpp", a),
                freeRun("apr", b)).withNote("a note");

        JsonNode json = JSON.readTree(JSON.writeValueAsString(report));

        JsonNode summary = json.get("summary");
        assertEquals("LOGIT_MISMATCH", summary.get("verdict").asText());
        assertEquals("TWO_SIDED", summary.get("mode").asText());
        assertEquals(2, summary.get("firstOutOfBand").asInt());
        assertTrue(summary.get("divergence").isNull());
        assertEquals(0.05, summary.get("band").get("logprob").asDouble());
        assertEquals(4, summary.get("lengths").get("compared").asInt());
        assertTrue(summary.get("prompt").get("firstDifference").isNull());
        assertEquals("a note", summary.get("notes").get(0).asText());
        assertEquals(4, json.get("steps").size());
        JsonNode step = json.get("steps").get(2);
        assertEquals(report.steps().get(2).step(), step.get("step").asInt());
        assertEquals(((StepMetrics) report.steps().get(2)).maxAbsDelta(), step.get("maxAbsDelta").asDouble());
        assertTrue(step.has("kl") && step.has("nmse") && step.has("topKOverlap") && step.has("rankAInB"));
    }

    @Test
    void aOneSidedReportSerialisesItsOwnStepFields() throws Exception {
        float[][] a = rows(2, 10, 32);
        DivergenceReport report = TraceComparator.within(Band.defaults())
                .compare(freeRun("llama.cpp", a), tokensOnly("apr", new int[]{0, 5}));

        JsonNode json = JSON.readTree(JSON.writeValueAsString(report));

        assertEquals("ONE_SIDED", json.get("summary").get("mode").asText());
        assertEquals(1, json.get("summary").get("divergence").get("step").asInt());
        assertEquals(5, json.get("steps").get(1).get("tokenB").asInt());
        assertTrue(json.get("steps").get(1).has("rankTokenBInA"));
        assertTrue(json.get("summary").get("minimalPassingBand").isNull());
    }
}
