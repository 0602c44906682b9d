package dev.logitparity.llama;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LifecycleTest {

    private final LlamaLibrary library = LlamaLibrary.load();

    @Test
    void closingTwiceIsHarmlessAndUseAfterCloseThrows() {
        LlamaModel model = library.loadModel(TestModels.path("llama", "f32"), ModelSettings.defaults());
        Vocab vocab = model.vocab();
        LlamaContext context = model.newContext(ContextSettings.defaults());
        context.close();
        assertDoesNotThrow(context::close);
        assertThrows(IllegalStateException.class, () -> context.decode(new int[] {1}));
        assertThrows(IllegalStateException.class, () -> context.copyLastLogits(new float[vocab.size()]));
        model.close();
        assertDoesNotThrow(model::close);
        assertThrows(IllegalStateException.class, model::vocab);
        assertThrows(IllegalStateException.class, vocab::size);
        assertThrows(IllegalStateException.class, () -> vocab.tokenize("hello"));
        assertThrows(IllegalStateException.class, () -> model.newContext(ContextSettings.defaults()));
    }

    @Test
    void closingTheModelClosesItsContextsFirst() {
        LlamaModel model = library.loadModel(TestModels.path("qwen2", "f16"), ModelSettings.defaults());
        LlamaContext context = model.newContext(ContextSettings.defaults());
        model.close();
        // The context must not reach freed model memory: it is closed, not dangling.
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> context.decode(new int[] {1}));
        assertEquals(model.path() + ": context is closed", e.getMessage());
    }

    @Test
    void logitsBufferTooSmallIsRefusedBeforeAnyNativeCopy() {
        try (LlamaModel model = library.loadModel(TestModels.path("gpt2", "f32"), ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults())) {
            context.decode(model.vocab().tokenize("Hello"));
            assertThrows(IllegalArgumentException.class, () -> context.copyLastLogits(new float[10]));
        }
    }
}
