package dev.logitparity.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default context is the model's trained one when that is smaller than 1024 (no n_ctx > n_ctx_train warning). */
class DefaultContextTest {

    private static final String MODEL = "models/qwen2-f32.gguf"; // generated with qwen2.context_length = 256

    @Test
    void withoutCtxAGeneratedModelRunsInItsTrainedContext() {
        CliRun run = CliRun.of("capture", MODEL, "The capital of France is", "--steps", "2");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("n_ctx=256,"), run.out());
    }

    @Test
    void anExplicitCtxIsKeptEvenAboveTheTrainedContext() {
        CliRun run = CliRun.of("capture", MODEL, "The capital of France is", "--steps", "2", "--ctx", "1024");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("n_ctx=1024,"), run.out());
    }

    @Test
    void aRunLongerThanTheTrainedContextGetsTheContextItNeeds() {
        CliRun run = CliRun.of("capture", MODEL, " Paris".repeat(300), "--steps", "1");
        assertEquals(0, run.status(), run.err());
        // 300 prompt ids + 1 step need more than 256; llama.cpp rounds the context up to a multiple of 256
        assertTrue(run.out().contains("n_ctx=512,"), run.out());
    }
}
