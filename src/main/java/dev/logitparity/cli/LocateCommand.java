package dev.logitparity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.BadInputException;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.TextReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.compare.Verdict;
import dev.logitparity.export.CsvExport;
import dev.logitparity.export.NpyExport;
import dev.logitparity.judge.Arbiter;
import dev.logitparity.judge.Arbitration;
import dev.logitparity.judge.FlooredJudgement;
import dev.logitparity.judge.PairCapture;
import dev.logitparity.judge.PairComparison;
import dev.logitparity.judge.TracePair;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.Vocab;
import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.report.ChartWriter;
import dev.logitparity.tokenization.PromptDiagnosis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/** {@code divergence-locate MODEL PROMPT --against SRC}: where llama.cpp and the other side part, and why. */
@Command(name = "divergence-locate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        sortOptions = false,
        description = {"Finds the first step where llama.cpp's greedy decode of MODEL on PROMPT and another "
                + "runtime's part, the two competing tokens, each side's margin, the epsilon that flipped it, and "
                + "whether that is a near-tie or a real bug.", ""},
        subcommands = {CaptureCommand.class, MatrixCommand.class, MakeModelsCommand.class, MakeOracleCommand.class},
        footer = {"", "SRC is one of:",
                "  OTHER.gguf                 the same prompt through the same bridge (e.g. the Q8_0 twin)",
                "  FILE or DIR                a trace folder, JSON-lines logit dump, apr --json output, HF oracle",
                "                             JSON, or llama-debug .bin (detected by content)",
                "  apr                        runs `apr run MODEL --prompt PROMPT --json --max-tokens N` (with",
                "                             --logprobs 20 when that apr has it: prompt ids and top-20 logits)",
                "  llama.cpp:KEY=V,...        the same library in a child JVM with other settings; keys: threads,",
                "                             batch, ctx, flash-attn, kv-type, cpu (e.g. cpu=haswell), repack,",
                "                             graph-reuse",
                "  reference                  the pure-Java f64 reference engine on MODEL (llama, qwen2, gpt2);",
                "                             the default: is llama.cpp near exact arithmetic on this model?",
                "", "The band is derived from a noise floor measured in the run (--band auto): llama.cpp's distance to",
                "the f64 reference plus its spread over kernel choices, at every step up to the first divergence (at",
                "least --floor-steps); each step's band = 1.5 x (A's floor + B's) measured up to it,",
                "near tie = 2 x band.",
                "", "Exit status: 0 no divergence within the band, 1 divergence, 2 bad input, 3 the other runtime",
                "timed out or crashed, or an internal error (a bug here, or llama.cpp aborting: one line; --verbose",
                "adds the stack trace).",
                "", "Examples:",
                "  divergence-locate models/qwen2-f32.gguf \"The capital of France is\" --against models/qwen2-q8_0.gguf",
                "  divergence-locate smollm.gguf \"Hello, my name is\" --against oracle/smollm-135m/greeting.json",
                "  divergence-locate model.gguf \"def fibonacci(n):\" --against llama.cpp:threads=1,cpu=haswell --json",
                "  divergence-locate model.gguf \"Hi\" --against apr --arbiter --csv steps.csv --npy logits/",
                "  divergence-locate models/gpt2-q8_0.gguf \"Hello\" --against reference"})
final class LocateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "GGUF model for llama.cpp (side A).")
    Path model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROMPT", description = "Prompt text.")
    String prompt;

    @Option(names = "--against", paramLabel = "SRC", defaultValue = "reference",
            description = "The other side (see below; default: reference).")
    String against;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "32", description = "Steps to decode (default: 32).")
    int steps;

    @Mixin
    BandOption band;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "10",
            description = "k for top-k overlap and the CSV's per-step token union (default: 10).")
    int topK;

    @Option(names = "--json", description = "Print the whole report as JSON instead of text.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write per-step logprobs (long form) to FILE.")
    Path csv;

    @Option(names = "--csv-full-vocab", description = "CSV rows for every token, not the top-k union.")
    boolean csvFullVocab;

    @Option(names = "--npy", paramLabel = "DIR", description = "Write both sides' logits as DIR/a.npy, DIR/b.npy.")
    Path npy;

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Write a chart of per-step margin and disagreement, first divergence marked.")
    Path chart;

    @Option(names = "--no-stop", description = "Keep decoding past an end-of-generation token.")
    boolean noStop;

    @Option(names = "--arbiter", description = "Also run the pure-Java f64 reference engine on MODEL and say which "
            + "side is nearer exact arithmetic at the first divergence.")
    boolean arbiter;

    @Mixin
    AprOption apr;

    @Mixin
    LlamaOptions llama;

    @Option(names = "--timings", description = "Print the wall time of each phase on stderr: load, capture (both "
            + "sides), judge (noise floor: reference and llama.cpp re-runs, comparisons), export, arbiter, report.")
    boolean timings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (model == null || prompt == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "MODEL and PROMPT are required");
        }
        BadInputException.requireAtLeastOne("--steps", steps);
        AgainstSpec other = apr.apply(AgainstSpec.parse(against));
        FlooredJudgement judgement = new FlooredJudgement(TraceComparator.within(Band.logprob(0)).topK(topK),
                band.band(), band.probe());
        PhaseTimer timer = new PhaseTimer();
        try (LlamaModel m = llama.library().loadModel(model, llama.modelSettings());
             LlamaContext context = m.newContext(llama.contextSettings());
             TracePair pair = capture(timer, context, other)) {
            timer.mark("capture");
            PairComparison compared = PairComparison.of(judgement, context, pair,
                    other instanceof AgainstSpec.Model(Path gguf) ? gguf : null);
            DivergenceReport report = compared.report();
            timer.mark("judge");
            IntFunction<String> pieces = pieceRenderer(m.vocab());
            export(pair, report, pieces);
            timer.mark("export");
            Optional<Arbitration> arbitration = arbiter ? new Arbiter(model).arbitrate(pair, report) : Optional.empty();
            timer.mark("arbiter");
            print(report, Optional.ofNullable(compared.tokenization()), arbitration, pieces);
            timer.mark("report");
            if (timings) {
                timer.print(spec.commandLine().getErr());
            }
            return report.summary().verdict() == Verdict.IDENTICAL ? 0 : Main.DIVERGED;
        }
    }

    private TracePair capture(PhaseTimer timer, LlamaContext context, AgainstSpec other) {
        timer.mark("load");
        return new PairCapture(context, prompt, steps, !noStop, captureArguments()).against(other);
    }

    private List<String> captureArguments() {
        List<String> args = new ArrayList<>(List.of(model.toString(), prompt, "--steps", Integer.toString(steps)));
        if (noStop) {
            args.add("--no-stop");
        }
        args.addAll(llama.arguments());
        return args;
    }

    private void export(TracePair pair, DivergenceReport report, IntFunction<String> pieces) throws IOException {
        if (csv != null) {
            (csvFullVocab ? CsvExport.fullVocab() : CsvExport.topK(topK)).write(pair.llama(), pair.other(), pieces, csv);
        }
        if (npy != null) {
            NpyExport.write(pair.llama(), pair.other(), npy);
        }
        if (chart != null) {
            ChartWriter.write(report, pair.llama(), model.getFileName() + " vs " + against, chart);
        }
    }

    private void print(DivergenceReport report, Optional<PromptDiagnosis> tokenization,
                       Optional<Arbitration> arbitration, IntFunction<String> pieces) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode tree = mapper.valueToTree(report);
            tokenization.ifPresent(t -> tree.set("tokenization", mapper.valueToTree(t)));
            arbitration.ifPresent(a -> tree.set("arbitration", mapper.valueToTree(a)));
            out.println(mapper.writeValueAsString(tree));
        } else {
            out.print(TextReport.render(report, pieces));
            tokenization.ifPresent(t -> out.print(t.piecesText()));
            arbitration.ifPresent(a -> out.println(describe(a, pieces)));
        }
    }

    private static String describe(Arbitration a, IntFunction<String> pieces) {
        String distances = a.distanceB() == null
                ? String.format(Locale.ROOT, "A is %.4g from it", a.distanceA())
                : String.format(Locale.ROOT, "distances: A %.4g, B %.4g", a.distanceA(), a.distanceB());
        return String.format(Locale.ROOT, "arbiter (pure-Java f64 reference): at step %d it prefers %s %s over %s %s "
                        + "by %.4g nats (its own choice: %s); %s; nearer: %s, by %s",
                a.step(), a.referenceMargin() >= 0 ? "A's" : "B's",
                Quoted.of(pieces.apply(a.referenceMargin() >= 0 ? a.tokenA() : a.tokenB())),
                a.referenceMargin() >= 0 ? "B's" : "A's",
                Quoted.of(pieces.apply(a.referenceMargin() >= 0 ? a.tokenB() : a.tokenA())),
                Math.abs(a.referenceMargin()), Quoted.of(pieces.apply(a.referenceChoice())), distances, a.nearer(),
                a.basis());
    }

    /** Token ids out of the vocabulary (a broken dump) render as such instead of failing the whole report. */
    private static IntFunction<String> pieceRenderer(Vocab vocab) {
        int size = vocab.size();
        return id -> id >= 0 && id < size ? vocab.piece(id) : "<id " + id + " outside vocab>";
    }
}
