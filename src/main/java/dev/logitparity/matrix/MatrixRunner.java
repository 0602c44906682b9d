package dev.logitparity.matrix;

import dev.logitparity.compare.DivergenceReport;
import dev.logitparity.compare.OneSidedStep;
import dev.logitparity.compare.StepComparison;
import dev.logitparity.compare.StepMetrics;
import dev.logitparity.judge.FlooredJudgement;
import dev.logitparity.judge.PairCapture;
import dev.logitparity.judge.PairComparison;
import dev.logitparity.judge.TracePair;
import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LlamaContext;
import dev.logitparity.llama.LlamaEngine;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import dev.logitparity.llama.Vocab;
import dev.logitparity.oracle.ModelMap;
import dev.logitparity.oracle.OracleCase;
import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.files.AtomicFile;
import dev.logitparity.report.ChartWriter;
import dev.logitparity.report.HtmlReport;
import dev.logitparity.report.StepSeries;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every oracle case: llama.cpp on the case's model and prompt against the other side — the oracle's own tokens
 * by default (one-sided), or {@code --against} apr, llama.cpp under other settings, or the reference — and reduces
 * each comparison to a {@link MatrixCell}. Cases whose model is absent are skipped with the path, never passed.
 */
public final class MatrixRunner {


    private final LlamaLibrary library;
    private final ModelMap models;
    private final FlooredJudgement judgement;
    private final Optional<AgainstSpec> against;
    private final ModelSettings modelSettings;
    private final ContextSettings contextSettings;
    private final List<String> llamaArguments;
    private final Path charts;
    /** Top tokens per side in a cell's HTML details. */
    private static final int DETAIL_TOP_TOKENS = 5;

    /**
     * @param against        empty to compare with each case's own tokens
     * @param llamaArguments the llama options as command-line arguments, for a child JVM ({@code llama.cpp:...})
     * @param charts         folder for one PNG per case; each case's HTML details go to the sibling folder {@code cells}
     */
    public MatrixRunner(LlamaLibrary library, ModelMap models, FlooredJudgement judgement,
                        Optional<AgainstSpec> against, ModelSettings modelSettings, ContextSettings contextSettings,
                        List<String> llamaArguments, Path charts) {
        this.library = library;
        this.models = models;
        this.judgement = judgement;
        this.against = against;
        this.modelSettings = modelSettings;
        this.contextSettings = contextSettings;
        this.llamaArguments = List.copyOf(llamaArguments);
        this.charts = charts;
    }

    /** @param progress told after each case, with the cell */
    public List<MatrixCell> run(List<OracleCase> cases, Consumer<MatrixCell> progress) {
        List<MatrixCell> cells = new ArrayList<>();
        for (OracleCase oracleCase : cases) {
            MatrixCell cell = run(oracleCase);
            cells.add(cell);
            progress.accept(cell);
        }
        return cells;
    }

    /** The skipped cell of a case whose model is absent, or empty when its model is there. */
    static Optional<MatrixCell> withoutModel(ModelMap models, OracleCase oracleCase) {
        Path gguf = models.locate(oracleCase.modelSlug());
        return Files.isRegularFile(gguf) ? Optional.empty() : Optional.of(MatrixCell.skipped(oracleCase.modelSlug(),
                oracleCase.name(), gguf.toString(), "no model for " + oracleCase.modelSlug() + ": " + gguf));
    }

    private MatrixCell run(OracleCase oracleCase) {
        Optional<MatrixCell> skipped = withoutModel(models, oracleCase);
        if (skipped.isPresent()) {
            return skipped.get();
        }
        Path gguf = models.locate(oracleCase.modelSlug());
        int steps = Math.max(1, oracleCase.tokens().length);
        try (LlamaModel model = library.loadModel(gguf, modelSettings);
             LlamaContext context = model.newContext(contextSettings);
             TracePair pair = new PairCapture(context, oracleCase.prompt(), steps, true, captureArguments(gguf,
                     oracleCase.prompt(), steps)).against(against.orElse(new AgainstSpec.Dump(oracleCase.file())))) {
            PairComparison compared = PairComparison.of(judgement, context, pair,
                    against.orElse(null) instanceof AgainstSpec.Model(Path other) ? other : null);
            DivergenceReport report = compared.report();
            Vocab vocab = model.vocab();
            StepSeries series = StepSeries.of(report, pair.llama(), pair.other(), DETAIL_TOP_TOKENS);
            String title = oracleCase.modelSlug() + " / " + oracleCase.name() + ": " + report.summary().verdict();
            String chart = write(charts, oracleCase, ".png",
                    file -> ChartWriter.write(report, series, title, file));
            String details = write(charts.resolveSibling("cells"), oracleCase, ".html",
                    file -> HtmlReport.write(report, series, vocab::piece, title, Map.of(), file));
            // A runtime's own text (apr's "text") where it gave one: re-spelling its ids could hide a difference.
            String textB = against.isEmpty() ? oracleCase.text() : Optional.ofNullable(
                    pair.other().info().settings().get("text")).orElseGet(() -> vocab.detokenize(pair.other().tokens()));
            StepComparison divergence = report.summary().divergence();
            boolean sameLength = report.summary().lengths().stepsA() == report.summary().lengths().stepsB();
            TextPreview preview = TextPreview.of(
                    vocab.detokenize(freeRunTokens(context, pair, oracleCase.prompt(), steps)), textB);
            return new MatrixCell(oracleCase.modelSlug(), oracleCase.name(), gguf.toString(), null, null,
                    preview.a(), preview.b(), divergence == null && sameLength && report.summary().prompt().matches()
                    && compared.tokenization() == null,
                    divergence == null ? null : divergence.step(), margin(divergence), epsilon(divergence),
                    report.summary().verdict().name(), compared.tokenization() == null ? report.summary().reason()
                    : compared.tokenization().headline(), chart, details);
        }
    }

    /**
     * llama.cpp's own greedy tokens for the text column: the pair's A side when it decoded freely (against a GGUF or
     * the reference), else one more capture, since A was teacher-forced on the other side's tokens.
     */
    private static int[] freeRunTokens(LlamaContext context, TracePair pair, String prompt, int steps) {
        if (pair.llama().info().mode() == CaptureMode.FREE_RUN) {
            return pair.llama().tokens();
        }
        try (Trace free = new LlamaEngine(context).freeRun(prompt, steps, true)) {
            return free.tokens();
        }
    }

    private List<String> captureArguments(Path gguf, String prompt, int steps) {
        List<String> args = new ArrayList<>(List.of(gguf.toString(), prompt, "--steps", Integer.toString(steps)));
        args.addAll(llamaArguments);
        return args;
    }

    /** Writes one of the cell's files into {@code folder}; returns its path relative to the output folder. */
    private static String write(Path folder, OracleCase oracleCase, String extension, AtomicFile.Body writer) {
        String name = oracleCase.modelSlug() + "-" + oracleCase.name() + extension;
        try {
            writer.writeTo(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.getFileName() + "/" + name;
    }

    private static Double margin(StepComparison divergence) {
        return switch (divergence) {
            case null -> null;
            case StepMetrics m -> Math.min(m.marginA(), m.marginB());
            case OneSidedStep o -> o.margin();
        };
    }

    private static Double epsilon(StepComparison divergence) {
        return divergence instanceof StepMetrics m ? m.flipEpsilon() : null;
    }
}
