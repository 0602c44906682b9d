package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.judge.Arbitration;
import dev.logitparity.tokenization.PromptDiagnosis;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code --json} report is a public format: every field path is written out here, so renaming, removing or adding
 * a record component anywhere under the report fails this test until the list (and README's schema, and, for a
 * rename or removal, {@link JsonReport#VERSION}) are changed with it.
 */
class JsonReportFieldsTest {

    /** The fields of one compared step: {@code StepMetrics} (two-sided) and {@code OneSidedStep} together. */
    private static final List<String> STEP = List.of("argmaxA", "argmaxB", "bitwiseEqual", "contextsDiffer",
            "flipEpsilon", "kl", "logprobArgmaxA", "logprobTokenB", "margin", "marginA", "marginB", "maxAbsDelta",
            "meanAbsDelta", "nmse", "nonFiniteA", "nonFiniteB", "rankAInB", "rankBInA", "rankTokenBInA", "step",
            "tokenA", "tokenB", "topKOverlap");

    private static final List<String> DISTANCE = List.of("kl", "logprob");

    private static final List<String> DOCUMENT = List.of(
            "format", "formatVersion",
            "summary", "summary.mode", "summary.verdict", "summary.reason", "summary.sourceA", "summary.sourceB",
            "summary.divergence", "summary.firstOutOfBand", "summary.contextsDifferFrom",
            "summary.prompt", "summary.prompt.lengthA", "summary.prompt.lengthB", "summary.prompt.firstDifference",
            "summary.prompt.idA", "summary.prompt.idB",
            "summary.lengths", "summary.lengths.stepsA", "summary.lengths.stepsB", "summary.lengths.compared",
            "summary.nonFinite", "summary.nonFinite.steps", "summary.nonFinite.firstStep",
            "summary.nonFinite.valuesA", "summary.nonFinite.valuesB",
            "summary.band", "summary.band.logprob", "summary.band.kl", "summary.band.nearTie",
            "summary.minimalPassingBand", "summary.minimalPassingBand.logprob", "summary.minimalPassingBand.kl",
            "summary.minimalPassingBand.nearTie",
            "summary.floor", "summary.floor.steps", "summary.floor.steps[]", "summary.floor.source",
            "summary.floor.toReference", "summary.floor.kernelChoices", "summary.floor.kernelChoices.*",
            "summary.floor.roundingEffect", "summary.floor.otherFloor", "summary.floor.weights",
            "summary.floor.weightsFinding", "summary.floor.otherToReference", "summary.floor.flipCause",
            "summary.floor.growth", "summary.floor.growth.*", "summary.floor.millis",
            "summary.topK", "summary.notes", "summary.notes[]",
            "steps", "steps[]",
            "tokenization", "tokenization.position", "tokenization.causes", "tokenization.causes[]",
            "tokenization.causes[].kind", "tokenization.causes[].side", "tokenization.headline",
            "tokenization.summary", "tokenization.windowFrom", "tokenization.piecesA", "tokenization.piecesA[]",
            "tokenization.piecesB", "tokenization.piecesB[]",
            "arbitration", "arbitration.step", "arbitration.tokenA", "arbitration.tokenB",
            "arbitration.referenceChoice", "arbitration.referenceMargin", "arbitration.distanceA",
            "arbitration.distanceB", "arbitration.nearer", "arbitration.basis",
            "layers", "layers.step", "layers.sideA", "layers.sideB", "layers.firstJump", "layers.rows",
            "layers.rows[]", "layers.rows[].name", "layers.rows[].layer", "layers.rows[].op", "layers.rows[].length",
            "layers.rows[].relativeError", "layers.rows[].nmse", "layers.rows[].maxAbsDelta", "layers.rows[].inflow",
            "layers.rows[].expected", "layers.rows[].jump");

    private static SortedSet<String> expected() {
        SortedSet<String> paths = new TreeSet<>(DOCUMENT);
        for (String step : STEP) {
            paths.add("steps[]." + step);
            paths.add("summary.divergence." + step);
        }
        for (String distance : List.of("toReference", "kernelChoices.*", "roundingEffect", "otherFloor", "weights",
                "otherToReference")) {
            DISTANCE.forEach(field -> paths.add("summary.floor." + distance + "." + field));
        }
        return paths;
    }

    @Test
    void theReportsFieldPathsAreExactlyTheDocumentedOnes() {
        assertEquals(String.join("\n", expected()), String.join("\n", JsonFieldPaths.of(JsonReport.class)));
    }

    @Test
    void anEmittedReportNamesItsFormatAndVersionAndUsesOnlyListedFields() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode document = mapper.valueToTree(JsonReport.of(flippedAtStepOne(), new PromptDiagnosis(0,
                List.of(new PromptDiagnosis.Cause(PromptDiagnosis.Kind.BOS, "B")), "B: BOS", "B prepends BOS", 0,
                List.of("Hi"), List.of("<s>", "Hi")), new Arbitration(1, 2, 3, 2, 0.5, 0.1, 0.2, "A", "closer"), null));

        assertEquals("logit-parity-report", document.get("format").asText());
        assertEquals(1, document.get("formatVersion").asInt());
        SortedSet<String> top = new TreeSet<>();
        document.fieldNames().forEachRemaining(top::add);
        assertEquals(new TreeSet<>(List.of("format", "formatVersion", "summary", "steps", "tokenization",
                "arbitration")), top);
        SortedSet<String> emitted = new TreeSet<>();
        collect(document, "", emitted);
        assertTrue(expected().containsAll(emitted), "not listed: " + difference(emitted, expected()));
        assertTrue(emitted.contains("summary.divergence.flipEpsilon") && emitted.contains("steps[].marginB"), "" + emitted);
    }

    @Test
    void withoutTokenizationOrArbiterTheirFieldsAreAbsentNotNull() {
        JsonNode document = new ObjectMapper().valueToTree(JsonReport.of(flippedAtStepOne(), null, null, null));
        assertTrue(!document.has("tokenization") && !document.has("arbitration") && !document.has("layers"),
                document.toString());
    }

    /** Two 3-step traces over a 4-token vocabulary whose argmaxes part at step 1 (A picks 2, B picks 3). */
    private static DivergenceReport flippedAtStepOne() {
        RunInfo info = new RunInfo("test", "m.gguf", "0".repeat(64), "none", CaptureMode.FREE_RUN, "Hi", Map.of(), "0");
        float[] a = {4, 1, 0, 0, 0, 0, 2, 1.9f, 0, 3, 0, 0};
        float[] b = {4, 1, 0, 0, 0, 0, 1.9f, 2, 0, 3, 0, 0};
        Trace ta = Trace.of(info, new int[]{1}, new int[]{0, 2, 1}, InMemoryLogits.wrap(4, a));
        Trace tb = Trace.of(info, new int[]{1}, new int[]{0, 3, 1}, InMemoryLogits.wrap(4, b));
        return TraceComparator.within(Band.defaults()).compare(ta, tb);
    }

    private static void collect(JsonNode node, String prefix, SortedSet<String> into) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, prefix + "[]", into));
            if (!prefix.isEmpty()) {
                into.add(prefix);
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> {
                String path = (prefix.isEmpty() ? "" : prefix + ".") + field.getKey();
                into.add(path);
                collect(field.getValue(), path, into);
            });
        }
    }

    private static SortedSet<String> difference(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
