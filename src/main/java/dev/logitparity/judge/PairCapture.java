package dev.logitparity.judge;

import dev.logitparity.BadInputException;
import dev.logitparity.engine.GreedyRecorder;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.peers.AprRunner;
import dev.logitparity.peers.ChildCapture;
import dev.logitparity.reference.ReferenceEngine;
import dev.logitparity.reference.ReferenceModel;
import dev.logitparity.sources.SourceContext;
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
    private final PhaseListener phases;

    /**
     * @param captureArguments the arguments of an equivalent {@code capture} command (model, prompt, steps, llama
     *                         options), for the child JVM of {@code --against llama.cpp:...}
     */
    public PairCapture(LlamaContext context, String prompt, int steps, boolean stopAtEndOfGeneration,
                       List<String> captureArguments) {
        this(context, prompt, steps, stopAtEndOfGeneration, captureArguments, PhaseListener.NONE);
    }

    private PairCapture(LlamaContext context, String prompt, int steps, boolean stopAtEndOfGeneration,
                        List<String> captureArguments, PhaseListener phases) {
        this.context = context;
        this.prompt = prompt;
        this.steps = steps;
        this.stopAtEndOfGeneration = stopAtEndOfGeneration;
        this.captureArguments = List.copyOf(captureArguments);
        this.phases = phases;
    }

    /** This capture telling {@code phases} where {@link PhaseListener#CAPTURE_A} and {@code CAPTURE_B} end. */
    public PairCapture timed(PhaseListener phases) {
        return new PairCapture(context, prompt, steps, stopAtEndOfGeneration, captureArguments, phases);
    }

    public TracePair against(AgainstSpec spec) {
        return switch (spec) {
            case AgainstSpec.Model(Path gguf) -> againstModel(gguf);
            case AgainstSpec.Dump(Path path) -> againstDump(path, List.of());
            case AgainstSpec.Apr(AprRunner runner) -> againstApr(runner);
            case AgainstSpec.LlamaCpp(var settings) -> againstChild(settings);
            case AgainstSpec.Reference() -> againstReference();
        };
    }

    private TracePair againstModel(Path gguf) {
        LlamaModel model = context.model();
        Trace a = capturedA(new LlamaEngine(context).freeRun(prompt, steps, stopAtEndOfGeneration));
        Trace b;
        try (LlamaModel other = model.library().loadModel(gguf, model.settings());
             LlamaContext otherContext = other.newContext(context.settings())) {
            if (otherContext.vocabSize() != context.vocabSize()) {
                throw new BadInputException("--against " + gguf + ": vocabulary of " + otherContext.vocabSize()
                        + " tokens, " + model.path() + " has " + context.vocabSize());
            }
            b = new LlamaEngine(otherContext).teacherForced(prompt, a.tokens());
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        return new TracePair(a, capturedB(b),
                List.of("A decoded freely; B (" + gguf + ") was teacher-forced on A's tokens"));
    }

    private TracePair againstReference() {
        Trace a = capturedA(new LlamaEngine(context).freeRun(prompt, steps, stopAtEndOfGeneration));
        Trace b;
        try (ReferenceModel reference = ReferenceModel.open(context.model().path())) {
            b = new GreedyRecorder(new ReferenceEngine(reference)).teacherForced(prompt, a.promptTokens(), a.tokens());
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        return new TracePair(a, capturedB(b), List.of("A decoded freely; B is the pure-Java f64 reference engine, "
                + "teacher-forced on A's tokens"));
    }

    private Trace capturedA(Trace a) {
        phases.phaseEnded(PhaseListener.CAPTURE_A);
        return a;
    }

    private Trace capturedB(Trace b) {
        phases.phaseEnded(PhaseListener.CAPTURE_B);
        return b;
    }

    private TracePair againstDump(Path path, List<String> notes) {
        Trace b = readOther(path);
        if (b.steps() == 0) {
            b.close();
            throw new BadInputException(path + ": no generated tokens to compare");
        }
        List<String> all = new ArrayList<>(notes);
        all.add("B read from " + path + " (" + TraceSources.detect(path).description() + ")");
        return teacherForcedOn(b, all);
    }

    private Trace readOther(Path path) {
        return TraceSources.read(path, new SourceContext(new VocabTokenizer(context.model().vocab()),
                context.vocabSize(), prompt));
    }

    /**
     * A teacher-forced on B's tokens, with the notes a reader needs about how B's ids were obtained. B is closed when
     * A cannot be captured, so no trace outlives a failed pair.
     */
    private TracePair teacherForcedOn(Trace b, List<String> notes) {
        capturedB(b);
        try {
            List<String> all = new ArrayList<>(notes);
            if (TraceSources.tokensFromText(b)) {
                all.add("B gave no token ids: its text was tokenised with " + context.model().path()
                        + "'s vocabulary");
            }
            if (b.info().prompt() != null && !b.info().prompt().equals(prompt)) {
                all.add("B's prompt differs from the one given here: " + b.info().prompt());
            }
            all.add("A (llama.cpp) was teacher-forced on B's " + b.steps() + " tokens");
            Trace a = capturedA(new LlamaEngine(context).teacherForced(prompt, b.tokens()));
            return new TracePair(a, b, all);
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
    }

    private TracePair againstApr(AprRunner runner) {
        Path json = tempFile("apr-", ".json");
        try {
            AprRunner.Run run = runner.run(context.model().path(), prompt, steps, json);
            List<String> notes = new ArrayList<>();
            String command = String.join(" ", run.command().stream().map(PairCapture::shellWord).toList());
            notes.add("B is `" + command + "` (" + run.capabilities().version() + ")");
            if (!run.capabilities().logprobs()) {
                notes.add(run.capabilities().version() + " has no --logprobs: B gives tokens only, so the comparison"
                        + " is one-sided and apr's prompt ids are unknown (apr 0.72 and later give both)");
            }
            run.warnings().forEach(line -> notes.add("apr said on stderr: " + line));
            if (run.producedNoText()) {
                notes.add("apr produced no text (exit " + AprRunner.EXIT_NO_TEXT + ": empty or whitespace-only "
                        + "completion)");
            }
            Trace b = readOther(emptyAsNoText(json));
            if (b.steps() > 0) {
                return teacherForcedOn(b, notes);
            }
            // Nothing to teacher-force on: llama.cpp's own run shows what apr did not produce.
            notes.add("A (llama.cpp) decoded freely: B has no tokens");
            capturedB(b);
            return new TracePair(capturedA(new LlamaEngine(context).freeRun(prompt, steps, stopAtEndOfGeneration)), b,
                    notes);
        } finally {
            delete(json);
        }
    }

    /** An argument as a shell would need it, for a command line shown in a note. */
    private static String shellWord(String argument) {
        return argument.matches("[A-Za-z0-9_./=:,+-]+") ? argument : "'" + argument.replace("'", "'\\''") + "'";
    }

    /** apr's JSON, or when it printed none (as it may on exit 8), a stand-in saying it generated nothing. */
    private Path emptyAsNoText(Path json) {
        try {
            if (Files.readString(json).isBlank()) {
                Files.writeString(json, "{\"text\": \"\", \"tokens\": []}");
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
