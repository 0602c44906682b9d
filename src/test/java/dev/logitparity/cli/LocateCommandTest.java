package dev.logitparity.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.ScaledTensorCopy;
import dev.logitparity.TestModels;
import dev.logitparity.compare.SyntheticTraces;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.NpyLogits;
import dev.logitparity.trace.Trace;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** divergence-locate end to end, on the real libllama and the generated models. */
class LocateCommandTest {

    private static final String PROMPT = "The capital of France is";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlamaLibrary library = LlamaLibrary.load();

    @Test
    void quantisedTwinDivergesWhereTheTwoFreeRunsPartWithMarginsFromTheLogits(@TempDir Path dir) throws IOException {
        Path f32 = TestModels.path("qwen2", "f32");
        Path q8 = TestModels.path("qwen2", "q8_0");
        int[] runA = freeRun(f32, 32);
        int[] runB = freeRun(q8, 32);
        int expected = IntStream.range(0, 32).filter(i -> runA[i] != runB[i]).findFirst().orElseThrow();

        Path npy = dir.resolve("npy");
        CliRun run = CliRun.of(f32.toString(), PROMPT, "--against", q8.toString(), "--json", "--npy", npy.toString());
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode divergence = JSON.readTree(run.out()).get("summary").get("divergence");
        assertEquals(expected, divergence.get("step").asInt());
        assertEquals(runA[expected], divergence.get("argmaxA").asInt());
        assertEquals(runB[expected], divergence.get("argmaxB").asInt());

        try (NpyLogits a = NpyLogits.open(npy.resolve("a.npy")); NpyLogits b = NpyLogits.open(npy.resolve("b.npy"))) {
            double[] za = logProbs(a, expected);
            double[] zb = logProbs(b, expected);
            int ta = runA[expected];
            int tb = runB[expected];
            assertEquals(za[ta] - za[tb], divergence.get("marginA").asDouble(), 1e-9);
            assertEquals(zb[tb] - zb[ta], divergence.get("marginB").asDouble(), 1e-9);
            assertEquals(Math.abs((za[ta] - za[tb]) - (zb[ta] - zb[tb])), divergence.get("flipEpsilon").asDouble(),
                    1e-9);
        }
    }

    @Test
    void aTraceAgainstItselfIsIdenticalAndExitsZero(@TempDir Path dir) {
        Path model = TestModels.path("llama", "f16");
        Path trace = dir.resolve("trace");
        assertEquals(0, CliRun.of("capture", model.toString(), PROMPT, "--steps", "12", "--out", trace.toString())
                .status());
        CliRun run = CliRun.of(model.toString(), PROMPT, "--against", trace.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("verdict: IDENTICAL"), run.out());
    }

    @Test
    void alteredEarlyTensorIsALogitMismatchAtStepZero(@TempDir Path dir) throws IOException {
        Path model = TestModels.path("llama", "f32");
        Path altered = dir.resolve("llama-altered.gguf");
        ScaledTensorCopy.write(model, altered, "blk.0.ffn_down.weight", 1.5f);
        CliRun run = CliRun.of(model.toString(), PROMPT, "--against", altered.toString(), "--json", "--steps", "8");
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("LOGIT_MISMATCH", summary.get("verdict").asText());
        assertEquals(0, summary.get("firstOutOfBand").asInt());
    }

    @Test
    void differentlyTokenisedPromptIsATokenizationVerdictAtTheFirstDifferingPosition(@TempDir Path dir)
            throws IOException {
        Path model = TestModels.path("gpt2", "f32");
        int[] prompt;
        int[] tokens;
        try (LlamaModel m = library.loadModel(model, ModelSettings.defaults())) {
            prompt = m.vocab().tokenize(PROMPT);
            tokens = Arrays.copyOf(m.vocab().tokenizeContinuation(" Paris, and"), 3);
        }
        int[] crafted = prompt.clone();
        crafted[2] = crafted[2] + 1;
        Path dump = dir.resolve("other.jsonl");
        StringBuilder lines = new StringBuilder("{\"format\":\"logit-parity-jsonl\",\"version\":1,\"runtime\":\"x\","
                + "\"prompt_tokens\":" + Arrays.toString(crafted) + "}\n");
        for (int step = 0; step < tokens.length; step++) {
            lines.append("{\"step\":").append(step).append(",\"token\":").append(tokens[step]).append("}\n");
        }
        Files.writeString(dump, lines);
        CliRun run = CliRun.of(model.toString(), PROMPT, "--against", dump.toString(), "--json");
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("TOKENIZATION", summary.get("verdict").asText());
        assertEquals(2, summary.get("prompt").get("firstDifference").asInt());
        assertEquals(prompt[2], summary.get("prompt").get("idA").asInt());
        assertEquals(crafted[2], summary.get("prompt").get("idB").asInt());
    }

    @Test
    void oneSidedAgainstAnOracleFromAnotherModelGivesStepMarginAndRank(@TempDir Path dir) throws IOException {
        Path model = TestModels.path("qwen2", "f32");
        int[] other = freeRun(TestModels.path("qwen2", "q8_0"), 24);
        Path oracle = dir.resolve("case.json");
        Files.writeString(oracle, "{\"model\":\"q8\",\"model_slug\":\"qwen2-q8\",\"prompt\":\"" + PROMPT
                + "\",\"tokens\":" + Arrays.toString(other) + ",\"text\":\"\",\"max_new_tokens\":24,"
                + "\"do_sample\":false}");

        CliRun run = CliRun.of(model.toString(), PROMPT, "--against", oracle.toString(), "--json", "--steps", "24");
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("ONE_SIDED", summary.get("mode").asText());
        JsonNode divergence = summary.get("divergence");

        try (LlamaModel m = library.loadModel(model, ModelSettings.defaults());
             LlamaContext context = m.newContext(ContextSettings.defaults());
             Trace forced = new LlamaEngine(context).teacherForced(PROMPT, other)) {
            Logits logits = forced.logits().orElseThrow();
            int step = IntStream.range(0, other.length)
                    .filter(s -> argmax(logProbs(logits, s)) != other[s]).findFirst().orElseThrow();
            double[] z = logProbs(logits, step);
            int mine = argmax(z);
            int rank = (int) Arrays.stream(z).filter(v -> v > z[other[step]]).count();
            assertEquals(step, divergence.get("step").asInt());
            assertEquals(z[mine] - z[other[step]], divergence.get("margin").asDouble(), 1e-9);
            assertEquals(rank, divergence.get("rankTokenBInA").asInt());
            assertEquals(z[other[step]], divergence.get("logprobTokenB").asDouble(), 1e-9);
        }
    }

    @Test
    void otherSideStoppingWithEosWhereLlamaGoesOnIsAnEarlyStop(@TempDir Path dir) throws IOException {
        Path model = TestModels.path("llama", "f32");
        int[] free = freeRun(model, 3);
        int eos;
        try (LlamaModel m = library.loadModel(model, ModelSettings.defaults())) {
            eos = IntStream.range(0, m.vocab().size()).filter(m.vocab()::isEndOfGeneration).findFirst().orElseThrow();
        }
        int[] stops = {free[0], free[1], eos};
        Path oracle = dir.resolve("stops.json");
        Files.writeString(oracle, "{\"model_slug\":\"llama-f32\",\"prompt\":\"" + PROMPT + "\",\"tokens\":"
                + Arrays.toString(stops) + "}");
        CliRun run = CliRun.of(model.toString(), PROMPT, "--against", oracle.toString(), "--json");
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("EARLY_STOP", summary.get("verdict").asText());
        assertEquals(2, summary.get("divergence").get("step").asInt());
    }

    @Test
    void csvExportHasTheLongFormColumns(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("steps.csv");
        CliRun run = CliRun.of(TestModels.path("llama", "f32").toString(), PROMPT, "--against",
                TestModels.path("llama", "q8_0").toString(), "--steps", "4", "--top-k", "5", "--csv", csv.toString());
        // the quantised twin's first four steps are within what its quantisation and rounding explain
        assertEquals(0, run.status(), run.out() + run.err());
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertEquals(List.of("step", "token_id", "piece", "logprob_a", "logprob_b", "delta", "rank_a", "rank_b"),
                    parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(List.of("0", "1", "2", "3"), rows.stream().map(r -> r.get("step")).distinct().toList());
            // Each step lists the union of both top-5s: at least 5 tokens, at most 10.
            var perStep = rows.stream().collect(Collectors.groupingBy(r -> r.get("step"), Collectors.counting()));
            perStep.values().forEach(n -> assertTrue(n >= 5 && n <= 10, perStep.toString()));
        }
    }

    @Test
    void byDefaultAnF32ModelIsComparedWithTheReferenceEngineAndIsWithinTheBand() {
        CliRun run = CliRun.of(TestModels.path("llama", "f32").toString(), PROMPT, "--steps", "8");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("verdict: IDENTICAL"), run.out());
        assertTrue(run.out().contains("B: reference"), run.out());
    }

    @Test
    void arbiterFindsTheF32SideNearerTheReferenceThanItsQuantisedTwin() throws IOException {
        CliRun run = CliRun.of(TestModels.path("qwen2", "f32").toString(), PROMPT, "--against",
                TestModels.path("qwen2", "q8_0").toString(), "--arbiter", "--json");
        assertEquals(Main.DIVERGED, run.status(), run.err());
        JsonNode root = JSON.readTree(run.out());
        JsonNode arbitration = root.get("arbitration");
        assertEquals(root.get("summary").get("divergence").get("step").asInt(), arbitration.get("step").asInt());
        assertEquals("A", arbitration.get("nearer").asText());
        assertTrue(arbitration.get("distanceA").asDouble() < arbitration.get("distanceB").asDouble());
    }

    /**
     * Another kernel variant and thread count move this F32 model's log-probabilities by a few 1e-3 nats at most (the
     * F16 KV cache's rounding), far inside the measured band (~0.077 here) and below every step's winning margin (the
     * smallest, 0.053 nats at step 2): no divergence on any CPU, so exit 0, never 1.
     */
    @Test
    void againstLlamaCppUnderOtherSettingsRunsAChildJvm() throws IOException {
        String variant = LlamaLibrary.cpuVariants(library.settings().dir()).contains("haswell") ? "haswell" : "x64";
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString(), PROMPT, "--against",
                "llama.cpp:threads=1,cpu=" + variant, "--steps", "6", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode summary = JSON.readTree(run.out()).get("summary");
        assertEquals("IDENTICAL", summary.get("verdict").asText());
        assertEquals(6, summary.get("lengths").get("compared").asInt());
        assertTrue(summary.get("prompt").get("firstDifference").isNull());
        assertTrue(summary.get("notes").toString().contains("child JVM"), summary.get("notes").toString());
    }

    @Test
    void malformedDumpIsBadInputWithOneLine(@TempDir Path dir) throws IOException {
        Path dump = Files.writeString(dir.resolve("apr.json"), "{\"text\": \"Paris\", \"tokens\": [1, 2,");
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString(), PROMPT, "--against", dump.toString());
        assertEquals(Main.BAD_INPUT, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("divergence-locate: " + dump), run.err());
    }

    @Test
    void againstAprRunsTheAprOnPathAndReadsItsJson(@TempDir Path dir) throws Exception {
        Path model = TestModels.path("qwen2", "f32");
        int[] other = freeRun(TestModels.path("qwen2", "q8_0"), 12);
        // A stand-in with apr-cli's `run --json` output shape, checking it was called as apr is.
        Path apr = dir.resolve("apr");
        Files.writeString(apr, "#!/bin/sh\n"
                + "[ \"$1\" = run ] && [ \"$2\" = \"" + model + "\" ] && [ \"$3\" = --prompt ] && [ \"$5\" = --json ] "
                + "|| { echo \"unexpected arguments: $*\" >&2; exit 3; }\n"
                + "echo '{\"model\":\"qwen2\",\"text\":\"x\",\"tokens\":" + Arrays.toString(other)
                + ",\"tokens_generated\":12}'\n");
        assertTrue(apr.toFile().setExecutable(true));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "-Dlogitparity.lib=" + System.getProperty("logitparity.lib", "native/lib"), Main.class.getName(),
                model.toString(), PROMPT, "--against", "apr", "--steps", "12", "--json");
        builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(Main.DIVERGED, p.exitValue(), err);
        JsonNode summary = JSON.readTree(out).get("summary");
        assertEquals("ONE_SIDED", summary.get("mode").asText());
        assertEquals(12, summary.get("lengths").get("stepsB").asInt());
        int[] mine = freeRun(model, 12);
        int expected = IntStream.range(0, 12).filter(i -> mine[i] != other[i]).findFirst().orElseThrow();
        assertEquals(expected, summary.get("divergence").get("step").asInt());
    }

    @Test
    void againstAprWithoutAprOnPathIsBadInput() {
        org.junit.jupiter.api.Assumptions.assumeFalse(onPath("apr"), "apr is installed here");
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString(), PROMPT, "--against", "apr");
        assertEquals(Main.BAD_INPUT, run.status());
        assertTrue(run.err().contains("apr is not on PATH"), run.err());
    }

    @Test
    void modelAndPromptAreRequired() {
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString());
        assertEquals(Main.BAD_INPUT, run.status());
        assertEquals("divergence-locate: MODEL and PROMPT are required (see --help)", run.err().strip());
    }

    @Test
    void unknownLlamaCppSettingIsBadInput() {
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString(), PROMPT, "--against",
                "llama.cpp:threads=1,colour=blue");
        assertEquals(Main.BAD_INPUT, run.status());
        assertTrue(run.err().contains("unknown setting 'colour'"), run.err());
    }

    private int[] freeRun(Path model, int steps) {
        try (LlamaModel m = library.loadModel(model, ModelSettings.defaults());
             LlamaContext context = m.newContext(ContextSettings.defaults());
             Trace trace = new LlamaEngine(context).freeRun(PROMPT, steps, false)) {
            return trace.tokens();
        }
    }

    private static double[] logProbs(Logits logits, int step) {
        float[] row = new float[logits.vocab()];
        logits.copyRow(step, row);
        return SyntheticTraces.logprobs(row);
    }

    private static int argmax(double[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            if (z[i] > z[best]) {
                best = i;
            }
        }
        return best;
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
