package dev.logitparity.judge;

import dev.logitparity.TestModels;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.peers.AgainstSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.logitparity.judge.PhaseListener.CAPTURE_A;
import static dev.logitparity.judge.PhaseListener.CAPTURE_B;
import static dev.logitparity.judge.PhaseListener.COMPARE;
import static dev.logitparity.judge.PhaseListener.LLAMA_REPLAYS;
import static dev.logitparity.judge.PhaseListener.REFERENCE;
import static dev.logitparity.judge.PhaseListener.WEIGHTS_CHECK;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The phases {@code --timings} reports are marked where the work happens: side A's capture ends before B's when A
 * decodes freely and B is teacher-forced on it, after B's when B is read first and A is teacher-forced on its tokens;
 * judging a twin is one comparison for the divergence, the weights check, the noise floor's llama.cpp replays, then
 * its reference runs, then the comparison under the band (once per probe).
 */
class PhaseOrderTest {

    private static final String PROMPT = "The capital of France is";
    private static final int STEPS = 3;

    @Test
    void aTwinIsCapturedAThenBAndJudgedComparisonFloorComparison() {
        Path gguf = TestModels.path("llama", "f32");
        Path twin = TestModels.path("llama", "q8_0");
        List<String> phases = new ArrayList<>();
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             TracePair pair = new PairCapture(context, PROMPT, STEPS, false, List.of()).timed(phases::add)
                     .against(new AgainstSpec.Model(twin))) {
            assertEquals(List.of(CAPTURE_A, CAPTURE_B), phases);
            phases.clear();
            PairComparison.of(FlooredJudgement.auto(), context, pair, twin, phases::add);
            List<String> probe = List.of(LLAMA_REPLAYS, REFERENCE, COMPARE);
            assertEquals(List.of(COMPARE, WEIGHTS_CHECK), phases.subList(0, 2));
            List<String> probes = phases.subList(2, phases.size());
            assertEquals(0, probes.size() % probe.size(), phases.toString());
            for (int i = 0; i < probes.size(); i += probe.size()) {
                assertEquals(probe, probes.subList(i, i + probe.size()), phases.toString());
            }
        }
    }

    @Test
    void aDumpIsReadAsBBeforeAIsTeacherForcedOnIt() {
        Path gguf = TestModels.path("llama", "f32");
        Path oracle = Path.of(System.getProperty("logitparity.oracle"), "generated", "llama-f32", "completion.json");
        List<String> phases = new ArrayList<>();
        try (LlamaModel model = LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             TracePair ignored = new PairCapture(context, PROMPT, STEPS, false, List.of()).timed(phases::add)
                     .against(new AgainstSpec.Dump(oracle))) {
            assertEquals(List.of(CAPTURE_B, CAPTURE_A), phases);
        }
    }
}
