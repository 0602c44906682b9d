package dev.logitparity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.logitparity.BadInputException;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.LayerLocalisation;
import dev.logitparity.compare.LayerTable;
import dev.logitparity.compare.TextReport;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.compare.Verdict;
import dev.logitparity.export.CsvExport;
import dev.logitparity.export.NpyExport;
import dev.logitparity.judge.Arbiter;
import dev.logitparity.judge.Arbitration;
import dev.logitparity.judge.FlooredJudgement;
import dev.logitparity.judge.LayerLocaliser;
import dev.logitparity.judge.PairCapture;
import dev.logitparity.judge.PairComparison;
import dev.logitparity.judge.PhaseListener;
import dev.logitparity.judge.TracePair;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.Vocab;
import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.report.ChartWriter;
import dev.logitparity.report.LayerHeatMap;
import dev.logitparity.sources.TensorRecordReader;
import dev.logitparity.report.HtmlReport;
import dev.logitparity.report.StepSeries;
import dev.logitparity.tokenization.PromptDiagnosis;
import dev.logitparity.trace.Intermediates;
import dev.logitparity.trace.TraceWriter;
import dev.logitparity.trace.Trace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/** {@code divergence-locate MODEL PROMPT --against SRC}: where llama.cpp and the other side part, and why. */
@Command(name = "divergence-locate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        sortOptions = false,
        customSynopsis = {"divergence-locate MODEL PROMPT [--against SRC] [OPTION...]",
                "       divergence-locate (capture | matrix | make-models | make-oracle) [ARG...]"},
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
                "", "Output files (--csv, --npy, --chart, --html) are replaced when they exist,",
                "each in one step (a temporary file renamed over it).",
                "", "Exit status: 0 no divergence within the band, 1 divergence, 2 bad input, 3 the other runtime",
                "timed out or crashed, or an internal error (a bug here, or llama.cpp aborting: one line; --verbose",
                "adds the stack trace)."})
final class LocateCommand implements Callable<Integer>, Examples.Shown {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "GGUF model for llama.cpp (side A).")
    Path model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROMPT", description = "Prompt text.")
    String prompt;

    @Option(names = "--against", paramLabel = "SRC", defaultValue = "reference",
            description = "The other side (see below; default: reference).")
    String against;

    @Mixin
    StepsOption steps;

    @Mixin
    BandOption band;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "10",
            description = "k for top-k overlap and the CSV's per-step token union (default: 10).")
    int topK;

    @Mixin
    JsonOption json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write per-step logprobs (long form) to FILE.")
    Path csv;

    @Option(names = "--csv-full-vocab", description = "CSV rows for every token, not the top-k union.")
    boolean csvFullVocab;

    @Option(names = "--npy", paramLabel = "DIR", description = "Write both sides' logits as DIR/a.npy, DIR/b.npy.")
    Path npy;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Write a chart of both sides' per-step "
            + "margins and the disagreement against the band, the first divergence and out-of-band steps marked (with "
            + "--layers, also a layer x op heat map beside it: FILE-layers.png).")
    Path chart;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Write the report as one self-contained HTML "
            + "page (verdict, per-step charts, step table with both sides' top tokens).")
    Path html;

    @Option(names = "--no-stop", description = "Keep decoding past an end-of-generation token.")
    boolean noStop;

    @Option(names = "--arbiter", description = "Also run the pure-Java f64 reference engine on MODEL and say which "
            + "side is nearer exact arithmetic at the first divergence.")
    boolean arbiter;

    @Option(names = "--layers", description = "At the first out-of-band (else divergent) step, compare llama.cpp's "
            + "named intermediates layer by layer (with the other GGUF's for --against OTHER.gguf, else with the "
            + "reference's) and name the first op whose error jumps.")
    boolean layers;

    @Option(names = "--layers-step", paramLabel = "N", description = "The step --layers looks at (implies --layers).")
    Integer layersStep;

    @Mixin
    AprOption apr;

    @Mixin
    LlamaOptions llama;

    @Option(names = "--timings", description = "Print the wall time of each phase on stderr: load, capture A, "
            + "capture B, compare, weights check (B another GGUF), llama.cpp replays and reference (the noise floor), "
            + "arbiter, layers, export, report, close; and their total.")
    boolean timings;

    @Spec
    CommandSpec spec;

    /** Top tokens per side in the HTML report's step table. */
    private static final int HTML_TOP_TOKENS = 5;

    @Override
    public List<String> examples() {
        return List.of(
                "divergence-locate models/qwen2-f32.gguf \"The capital of France is\" --against models/qwen2-q8_0.gguf",
                "divergence-locate smollm.gguf \"Hello, my name is\" --against oracle/smollm-135m/greeting.json",
                "divergence-locate model.gguf \"def fibonacci(n):\" --against llama.cpp:threads=1,cpu=haswell --json",
                "divergence-locate model.gguf \"Hi\" --against apr --arbiter --csv steps.csv --npy logits/",
                "divergence-locate models/gpt2-q8_0.gguf \"Hello\" --against reference --steps 8",
                "divergence-locate models/llama-q8_0.gguf \"Hello\" --against models/llama-f32.gguf --steps 8 --layers");
    }

    @Override
    public Integer call() throws IOException {
        if (model == null || prompt == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "MODEL and PROMPT are required");
        }
        int n = steps.steps(); // checked before anything is loaded
        AgainstSpec other = apr.apply(AgainstSpec.parse(against));
        FlooredJudgement judgement = new FlooredJudgement(TraceComparator.within(Band.logprob(0)).topK(topK),
                band.band(), band.probe());
        PhaseTimer timer = new PhaseTimer();
        int status;
        try (LlamaModel m = llama.library().loadModel(model, llama.modelSettings());
             LlamaContext context = m.newContext(
                     llama.contextSettings(m, m.vocab().tokenize(prompt).length + n));
             TracePair pair = capture(timer, context, other, n)) {
            PairComparison compared = PairComparison.of(judgement, context, pair,
                    other instanceof AgainstSpec.Model(Path gguf) ? gguf : null, timer);
            DivergenceReport report = compared.report();
            timer.phaseEnded(PhaseListener.COMPARE);
            IntFunction<String> pieces = pieceRenderer(m.vocab());
            Optional<Arbitration> arbitration = arbiter ? new Arbiter(model).arbitrate(pair, report) : Optional.empty();
            timer.phaseEnded("arbiter");
            Optional<LayerLocalisation> localisation = layers || layersStep != null
                    ? Optional.of(localise(m, pair.llama(), report, other)) : Optional.empty();
            timer.phaseEnded("layers");
            List<String> written = export(pair, report, pieces, arbitration);
            if (chart != null && localisation.isPresent()) {
                Path heatMap = layersChart(chart);
                LayerHeatMap.write(localisation.get(), heatMap);
                written.add("wrote " + heatMap + " (layer x op heat map)");
            }
            timer.phaseEnded("export");
            print(report, Optional.ofNullable(compared.tokenization()), arbitration, localisation, pieces);
            // after the report, one line per file; on stderr with --json, whose stdout is one JSON document
            PrintWriter listing = json.json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
            written.forEach(listing::println);
            timer.phaseEnded("report");
            status = report.summary().verdict() == Verdict.IDENTICAL ? 0 : Main.DIVERGED;
        }
        if (timings) {
            // the traces' mappings and both llama.cpp handles released
            timer.phaseEnded("close");
            timer.print(spec.commandLine().getErr());
        }
        return status;
    }

    /**
     * At --layers-step, else the first out-of-band step, else the first divergence, else step 0; against the other
     * GGUF, or the dump's tensor records of that step, else the reference.
     */
    private LayerLocalisation localise(LlamaModel m, Trace a, DivergenceReport report, AgainstSpec other) {
        DivergenceReport.Summary summary = report.summary();
        int step = layersStep != null ? layersStep
                : summary.firstOutOfBand() != null ? summary.firstOutOfBand()
                : summary.divergence() != null ? summary.divergence().step() : 0;
        if (step < 0 || step >= a.steps()) {
            throw new BadInputException("--layers-step " + step + " is outside the run's steps 0.." + (a.steps() - 1));
        }
        LayerLocaliser localiser = new LayerLocaliser(llama.contextSettings());
        if (other instanceof AgainstSpec.Model(Path gguf)) {
            try (LlamaModel b = llama.library().loadModel(gguf, llama.modelSettings())) {
                return localiser.betweenModels(m, b, a.promptTokens(), a.tokens(), step);
            }
        }
        if (other instanceof AgainstSpec.Dump(Path given)) {
            // a trace folder keeps them beside trace.json (capture --layers-step)
            Path dump = Files.isDirectory(given) ? given.resolve(TraceWriter.TENSORS_FILE_NAME) : given;
            Intermediates tensors = Files.isRegularFile(dump) ? TensorRecordReader.read(dump, step)
                    : new Intermediates();
            if (!tensors.asMap().isEmpty()) {
                return localiser.againstDump(m, tensors, given.getFileName().toString(), a.promptTokens(), a.tokens(),
                        step);
            }
        }
        return localiser.againstReference(m, a.promptTokens(), a.tokens(), step);
    }

    /** {@code steps.png} gives {@code steps-layers.png}. */
    static Path layersChart(Path chart) {
        String name = chart.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String layered = (dot > 0 ? name.substring(0, dot) : name) + "-layers" + (dot > 0 ? name.substring(dot) : ".png");
        return chart.resolveSibling(layered);
    }

    private TracePair capture(PhaseTimer timer, LlamaContext context, AgainstSpec other, int n) {
        timer.phaseEnded("load");
        return new PairCapture(context, prompt, n, !noStop, captureArguments()).timed(timer).against(other);
    }

    private List<String> captureArguments() {
        List<String> args = new ArrayList<>(List.of(model.toString(), prompt, "--steps", Integer.toString(steps.steps())));
        if (noStop) {
            args.add("--no-stop");
        }
        args.addAll(llama.arguments());
        return args;
    }

    /** Writes the files asked for; returns one "wrote FILE (what)" line per file. */
    private List<String> export(TracePair pair, DivergenceReport report, IntFunction<String> pieces,
                                Optional<Arbitration> arbitration) throws IOException {
        List<String> written = new ArrayList<>();
        if (csv != null) {
            (csvFullVocab ? CsvExport.fullVocab() : CsvExport.topK(topK)).write(pair.llama(), pair.other(), pieces, csv);
            written.add("wrote " + csv + " (per-step log-probs, long form)");
        }
        if (npy != null) {
            for (Path file : NpyExport.write(pair.llama(), pair.other(), npy)) {
                written.add("wrote " + npy.resolve(file.getFileName()) + " (" + (file.endsWith(NpyExport.FILE_A) ? "A" : "B")
                        + "'s logits, float32 [steps, vocab])");
            }
        }
        if (chart != null || html != null) {
            StepSeries series = StepSeries.of(report, pair.llama(), pair.other(), Math.min(topK, HTML_TOP_TOKENS));
            if (chart != null) {
                ChartWriter.write(report, series, ChartWriter.title(report), chart);
                written.add("wrote " + chart + " (per-step chart)");
            }
            if (html != null) {
                Map<String, String> extra = new LinkedHashMap<>();
                arbitration.ifPresent(a -> extra.put("arbiter", describe(a, pieces)));
                HtmlReport.write(report, series, pieces, ChartWriter.title(report), extra, html);
                written.add("wrote " + html + " (HTML report)");
            }
        }
        return written;
    }

    private void print(DivergenceReport report, Optional<PromptDiagnosis> tokenization,
                       Optional<Arbitration> arbitration, Optional<LayerLocalisation> localisation,
                       IntFunction<String> pieces) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json.json()) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    JsonReport.of(report, tokenization.orElse(null), arbitration.orElse(null),
                            localisation.orElse(null))));
        } else {
            out.print(TextReport.render(report, pieces));
            tokenization.ifPresent(t -> out.print(t.piecesText()));
            arbitration.ifPresent(a -> out.println(describe(a, pieces)));
            localisation.ifPresent(l -> out.print(LayerTable.render(l)));
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
