package dev.logitparity.synthetic;

import dev.logitparity.TestModels;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.trace.Trace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed trained model, as llama.cpp runs it: its greedy text is made of English words, not tokenizer noise. */
class TrainedModelTest {

    /** Letters, digits, spaces and the punctuation of the King James text: what the model was trained on. */
    private static final Pattern ENGLISH = Pattern.compile("[A-Za-z0-9 ,.;:'?!()-]+");

    @ParameterizedTest
    @ValueSource(strings = {"f32", "f16", "q8_0"})
    void greedyContinuationIsEnglishTextInEveryType(String type) {
        try (LlamaModel model = LlamaLibrary.load().loadModel(TestModels.path(ModelCatalog.TRAINED_LLAMA, type),
                ModelSettings.defaults());
             LlamaContext context = model.newContext(ContextSettings.defaults());
             Trace trace = new LlamaEngine(context).freeRun("The capital of France is", 32, false)) {
            String text = model.vocab().detokenize(trace.tokens());
            assertTrue(ENGLISH.matcher(text).matches(), text);
            long words = text.strip().split("\\s+").length;
            assertTrue(words >= 16, "32 tokens should be mostly whole words: " + text);
        }
    }
}
