package dev.logitparity.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Sample traces whose logits include the values a lossy format would get wrong. */
final class TraceFixtures {
    private static final float[] SPECIALS = {
            Float.intBitsToFloat(0x7fc0_1234), -0.0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, Float.MAX_VALUE, 0.1f};

    private TraceFixtures() {
    }

    static RunInfo info() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("threads", "2");
        settings.put("n_batch", "512");
        settings.put("flash_attn", "off");
        settings.put("cpu_backend", "libggml-cpu-haswell.so");
        settings.put("type_k", "f16");
        return new RunInfo("llama.cpp", "models/qwen2-q8_0.gguf", "ab".repeat(32),
                "llama.cpp via @node-llama-cpp/linux-x64@3.21.1", CaptureMode.FREE_RUN, "Once upon a time",
                settings, "logit-parity 0.1.0");
    }

    /** Row-major steps × vocab floats, seeded, with every special value near the start. */
    static float[] values(int steps, int vocab) {
        SplittableRandom random = new SplittableRandom(steps * 31L + vocab);
        float[] values = new float[steps * vocab];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < SPECIALS.length ? SPECIALS[i] : (float) (random.nextGaussian() * 8);
        }
        return values;
    }

    static Trace trace(int steps, int vocab) {
        return Trace.of(info(), new int[]{1, vocab - 1, 0}, ids(steps, vocab),
                InMemoryLogits.wrap(vocab, values(steps, vocab)));
    }

    static int[] ids(int steps, int vocab) {
        int[] ids = new int[steps];
        for (int i = 0; i < steps; i++) {
            ids[i] = (i * 7 + 3) % vocab;
        }
        return ids;
    }

    static void assertSameBits(float[] expected, Logits actual) {
        float[] row = new float[actual.vocab()];
        assertEquals(expected.length, actual.steps() * actual.vocab(), "element count");
        for (int step = 0; step < actual.steps(); step++) {
            actual.copyRow(step, row);
            for (int token = 0; token < actual.vocab(); token++) {
                int index = step * actual.vocab() + token;
                assertEquals(Float.floatToRawIntBits(expected[index]), Float.floatToRawIntBits(row[token]),
                        "bits at step " + step + ", token " + token);
                assertEquals(Float.floatToRawIntBits(expected[index]),
                        Float.floatToRawIntBits(actual.get(step, token)), "get(" + step + ", " + token + ")");
            }
        }
    }

    static void assertOneLineNaming(Path file, TraceFormatException e, String problemFragment) {
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.startsWith(file + ": "), "names " + file + ": " + message);
        assertTrue(e.problem().contains(problemFragment), "says '" + problemFragment + "': " + message);
        assertEquals(file, e.file());
    }
}
