package dev.logitparity.locate;

import dev.logitparity.BadInputException;
import dev.logitparity.against.AgainstSpec;
import dev.logitparity.against.AprRunner;
import dev.logitparity.against.ChildCapture;
import dev.logitparity.capture.GreedyCapture;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.Vocab;
import dev.logitparity.reference.ReferenceCapture;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.sources.SourceContext;
import dev.logitparity.sources.Tokenizer;
import dev.logitparity.sources.TraceSources;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Produces both sides of a comparison for {@code --against}. Whichever side decodes freely, the other is
 * teacher-forced on its tokens: up to the first divergence that is exactly the other's free run, and after it both
 * sides still see the same context.
 */
public final class PairCapture {

    private final LlamaContext context;
    private final String prompt;
    private final int steps;
    private final boolean stopAtEndOfGeneration;
    private final List<String> captureArguments;

    /**
     * @param captureArguments the arguments of an equivalent {@code capture} command (model, prompt, steps, llama
     *                         options), for the child JVM of {@code --against llama.cpp:...}
     */
    public PairCapture(LlamaContext context, String prompt, int steps, boolean stopAtEndOfGeneration,
                       List<String> captureArguments) {
        this.context = context;
        this.prompt = prompt;
        this.steps = steps;
        this.stopAtEndOfGeneration = stopAtEndOfGeneration;
        this.captureArguments = List.copyOf(captureArguments);
    }

    public TracePair against(AgainstSpec spec) {
        return switch (spec) {
            case AgainstSpec.Model(Path gguf) -> againstModel(gguf);
            case AgainstSpec.Dump(Path path) -> againstDump(path, List.of());
            case AgainstSpec.Apr() -> againstApr();
            case AgainstSpec.LlamaCpp(var settings) -> againstChild(settings);
            case AgainstSpec.Reference() -> againstReference();
        };
    }

    private TracePair againstModel(Path gguf) {
        LlamaModel model = context.model();
        Trace a = new GreedyCapture(context).freeRun(prompt, steps, stopAtEndOfGeneration);
        try (LlamaModel other = model.library().loadModel(gguf, model.settings());
             LlamaContext otherContext = other.newContext(context.settings())) {
            if (otherContext.vocabSize() != context.vocabSize()) {
                throw new BadInputException("--against " + gguf + ": vocabulary of " + otherContext.vocabSize()
                        + " tokens, " + model.path() + " has " + context.vocabSize());
            }
            Trace b = new GreedyCapture(otherContext).teacherForced(prompt, a.tokens());
            return new TracePair(a, b, List.of("A decoded freely; B (" + gguf + ") was teacher-forced on A's tokens"));
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private TracePair againstReference() {
        Trace a = new GreedyCapture(context).freeRun(prompt, steps, stopAtEndOfGeneration);
        try (ReferenceModel reference = ReferenceModel.open(context.model().path())) {
            Trace b = new ReferenceCapture(reference).teacherForced(prompt, a.promptTokens(), a.tokens());
            return new TracePair(a, b, List.of("A decoded freely; B is the pure-Java f64 reference engine, "
                    + "teacher-forced on A's tokens"));
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private TracePair againstDump(Path path, List<String> notes) {
        Vocab vocab = context.model().vocab();
        SourceContext sourceContext = new SourceContext(new VocabTokenizer(vocab), context.vocabSize(), prompt);
        Trace b = TraceSources.read(path, sourceContext);
        try {
            if (b.steps() == 0) {
                throw new BadInputException(path + ": no generated tokens to compare");
            }
            List<String> all = new ArrayList<>(notes);
            all.add("B read from " + path + " (" + TraceSources.detect(path).description() + ")");
            if (TraceSources.tokensFromText(b)) {
                all.add("B gave no token ids: its text was tokenised with " + context.model().path()
                        + "'s vocabulary");
            }
            if (b.info().prompt() != null && !b.info().prompt().equals(prompt)) {
                all.add("B's prompt differs from the one given here: " + b.info().prompt());
            }
            all.add("A (llama.cpp) was teacher-forced on B's " + b.steps() + " tokens");
            Trace a = new GreedyCapture(context).teacherForced(prompt, b.tokens());
            return new TracePair(a, b, all);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private TracePair againstApr() {
        Path json = tempFile("apr-", ".json");
        try {
            AprRunner.run(context.model().path(), prompt, steps, json);
            return againstDump(json, List.of("B is `apr run --json` on the same model and prompt"));
        } finally {
            delete(json);
        }
    }

    private TracePair againstChild(java.util.Map<String, String> settings) {
        Path dir = tempDir();
        try {
            Path out = dir.resolve("trace");
            ChildCapture.capture(captureArguments, settings, out);
            // The trace's logits are memory-mapped: on Linux the mapping outlives the deleted file.
            return againstDump(out, List.of("B is llama.cpp with " + settings + " in a child JVM"));
        } finally {
            delete(dir);
        }
    }

    private static Path tempFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("logit-parity-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp file left behind is not worth failing a finished comparison for
        }
    }

    /** The model's own tokenizer, as the readers need it for sources that carry only text. */
    private record VocabTokenizer(Vocab vocab) implements Tokenizer {
        @Override
        public int[] prompt(String text) {
            return vocab.tokenize(text);
        }

        @Override
        public int[] continuation(String text) {
            return vocab.tokenizeContinuation(text);
        }
    }
}
