package dev.logitparity.junit;

import dev.logitparity.BadInputException;
import dev.logitparity.compare.NoiseFloor;
import dev.logitparity.judge.FlooredJudgement;
import dev.logitparity.judge.TracePair;
import dev.logitparity.judge.VocabTokenizer;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.sources.SourceContext;
import dev.logitparity.sources.TraceSources;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.List;

/**
 * Both sides of a test in one call each: another runtime's dump read as a {@link Trace}, and llama.cpp's trace of the
 * same prompt captured in-process (through the libllama named by {@code -Dlogitparity.lib} or
 * {@code LOGIT_PARITY_LIB}). Every trace returned here is in memory except one read from a trace folder, which maps its
 * logits file: close that one (try-with-resources).
 *
 * <p>llama.cpp's captures use {@link #EXACT} settings unless given others, and a context no longer than the model
 * was trained for (llama.cpp warns about a longer one) unless the prompt and steps need more.
 */
public final class Traces {
    /**
     * llama.cpp as near exact arithmetic as it goes, the fair side to test another runtime against: F32 KV cache and
     * flash attention off, threads = available processors. Its defaults (F16 KV cache, flash attention on) alone move
     * log-probabilities by up to ~0.06 nats from an fp32 runtime, more than {@link dev.logitparity.compare.Band}'s
     * default.
     */
    public static final ContextSettings EXACT = exact();

    private Traces() {
    }

    /**
     * Any supported dump, its format decided by content: a JSON-lines logit dump, a trace folder, {@code apr run
     * --json} output, an HF oracle JSON, llama-debug's {@code NAME.bin}. Formats that carry only text or no prompt ids
     * need the model's tokenizer: use {@link #read(Path, Path)} for them.
     *
     * @throws BadInputException with a one-line message naming the file when it is malformed or needs a tokenizer
     */
    public static Trace read(Path dump) {
        return TraceSources.read(dump, SourceContext.none());
    }

    /** As {@link #read(Path)}, with {@code gguf}'s tokenizer and vocabulary size for what the dump leaves out. */
    public static Trace read(Path dump, Path gguf) {
        try (LlamaModel model = load(gguf)) {
            return TraceSources.read(dump, new SourceContext(new VocabTokenizer(model.vocab()), model.vocab().size(),
                    null));
        }
    }

    /** llama.cpp decoding {@code prompt} greedily for {@code steps} steps, every step's logits recorded. */
    public static Trace llamaCpp(Path gguf, String prompt, int steps) {
        try (LlamaModel model = load(gguf);
             LlamaContext context = model.newContext(fitting(model, prompt, steps, EXACT))) {
            return new LlamaEngine(context).freeRun(prompt, steps, false);
        }
    }

    /**
     * llama.cpp fed {@code other}'s prompt text and tokens (teacher-forced): the same contexts step after step, so
     * every step compares, also past a first disagreement.
     *
     * @throws BadInputException when {@code other} records no prompt text
     */
    public static Trace llamaCppOn(Path gguf, Trace other) {
        return llamaCppOn(gguf, other, EXACT);
    }

    /** As {@link #llamaCppOn(Path, Trace)} under other settings, e.g. {@link ContextSettings#defaults()}. */
    public static Trace llamaCppOn(Path gguf, Trace other, ContextSettings settings) {
        String prompt = promptOf(other);
        try (LlamaModel model = load(gguf);
             LlamaContext context = model.newContext(fitting(model, prompt, other.steps(), settings))) {
            return new LlamaEngine(context).teacherForced(prompt, other.tokens());
        }
    }

    /**
     * llama.cpp's noise floor on {@code gguf} for {@code mine}'s prompt and tokens under {@link #EXACT}: how far a
     * correct runtime can be from exact arithmetic there. Pass it to {@link TraceAssert#within(NoiseFloor)} to judge
     * by the band it derives, with blame.
     */
    public static NoiseFloor noiseFloor(Path gguf, Trace mine) {
        return noiseFloor(gguf, mine, EXACT);
    }

    /** As {@link #noiseFloor(Path, Trace)}, with llama.cpp under {@code settings}. */
    public static NoiseFloor noiseFloor(Path gguf, Trace mine, ContextSettings settings) {
        String prompt = promptOf(mine);
        try (LlamaModel model = load(gguf);
             LlamaContext context = model.newContext(fitting(model, prompt, mine.steps(), settings));
             Trace llama = new LlamaEngine(context).teacherForced(prompt, mine.tokens())) {
            // not closed as a pair: mine stays the caller's
            return FlooredJudgement.auto().judge(context, new TracePair(llama, mine, List.of()), null).summary()
                    .floor();
        }
    }

    private static String promptOf(Trace other) {
        String prompt = other.info().prompt();
        if (prompt == null) {
            throw new BadInputException(other.info().label() + ": the trace records no prompt text to feed llama.cpp");
        }
        return prompt;
    }

    private static ContextSettings exact() {
        return ContextSettings.defaults().exact();
    }

    private static LlamaModel load(Path gguf) {
        return LlamaLibrary.load().loadModel(gguf, ModelSettings.defaults());
    }

    /** {@code settings} with a context no longer than the model's trained one, unless the run needs more. */
    private static ContextSettings fitting(LlamaModel model, String prompt, int steps, ContextSettings settings) {
        return settings.fittedTo(model, model.vocab().tokenize(prompt).length + steps);
    }
}
