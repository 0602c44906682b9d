package dev.logitparity.cli;

import dev.logitparity.TestModels;
import dev.logitparity.gguf.GgufFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings llama.cpp would accept and then hang, be killed, or silently change: refused first, exit 2, one line. */
class SettingBoundsTest {

    private final Path model = TestModels.path("gpt2", "f32");

    private static void refused(CliRun run, String message) {
        assertEquals(Main.BAD_INPUT, run.status(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void aContextWhoseKvCacheCannotFitIsRefusedBeforeLlamaAllocatesIt() {
        long ctx = 2_000_000_000L;
        double gib;
        try (GgufFile gguf = GgufFile.open(model)) {
            long layers = gguf.require("gpt2.block_count").asLong();
            long width = gguf.require("gpt2.embedding_length").asLong(); // gpt2: as many KV heads as heads
            gib = 2.0 * layers * width * ctx * 2 / (1L << 30); // K and V, F16
        }
        refused(CliRun.of("capture", model.toString(), "Hello", "--ctx", Long.toString(ctx)),
                String.format(Locale.ROOT, "--ctx %d: the KV cache would need %.1f GiB", ctx, gib));
    }

    @Test
    void moreThreadsThanProcessorsAreRefused() {
        int threads = Runtime.getRuntime().availableProcessors() + 1;
        refused(CliRun.of("capture", model.toString(), "Hello", "--threads", Integer.toString(threads)),
                "--threads " + threads + " is more than the " + (threads - 1) + " available processors");
    }

    @Test
    void aPromptLongerThanARequestedContextBelow256IsRefusedThoughLlamaRoundsTheContextUp() {
        String prompt = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen";
        refused(CliRun.of("capture", model.toString(), prompt, "--ctx", "16", "--steps", "2"),
                "exceeds the context of 16 tokens");
    }
}
