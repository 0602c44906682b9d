package dev.logitparity.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.TraceComparator;
import dev.logitparity.files.AtomicFile;
import dev.logitparity.judge.FlooredJudgement;
import dev.logitparity.matrix.IsolatedCells;
import dev.logitparity.matrix.MatrixCell;
import dev.logitparity.matrix.MatrixReport;
import dev.logitparity.matrix.MatrixRunner;
import dev.logitparity.matrix.Threshold;
import dev.logitparity.oracle.ModelMap;
import dev.logitparity.oracle.OracleCase;
import dev.logitparity.oracle.OracleCatalog;
import dev.logitparity.peers.AgainstSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code divergence-locate matrix}: every model×prompt oracle case, as the seed report's Results Matrix and more. */
@Command(name = "matrix", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs every oracle/<model>/<prompt>.json case through llama.cpp and prints the parity matrix: "
                + "both outputs, match?, first divergent step, margin, epsilon, verdict and a chart per cell; writes "
                + "matrix.md, matrix.json and charts/*.png to --out DIR (default: matrix-report).",
        footer = {"", "Exit status: 0 the pass count meets --require, 1 it does not, 2 bad input, 3 the other "
                        + "runtime timed out or crashed, or an internal error."})
final class MatrixCommand implements Callable<Integer>, Examples.Shown {

    @Option(names = "--models", required = true, paramLabel = "DIR|MAP",
            description = "Folder of <slug>.gguf files, or a slug=path properties file; "
                    + "env LOGIT_PARITY_MODEL_<SLUG> overrides either.")
    Path models;

    @Option(names = "--oracle", defaultValue = "oracle", paramLabel = "DIR",
            description = "Folder of <model>/<prompt>.json cases (default: oracle).")
    Path oracle;

    @Option(names = "--against", paramLabel = "SRC",
            description = "Other side per case: apr, llama.cpp:KEY=V,..., or reference (default: the case's tokens).")
    String against;

    @Option(names = "--require", defaultValue = "9/12", paramLabel = "P/Q",
            description = "Fraction of cases that must match (default: 9/12, the seed's acceptance).")
    String require;

    @Mixin
    BandOption band;

    @Mixin
    OutOption out;

    @Mixin
    JsonOption json;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Also write the matrix as one HTML page, a row "
            + "per cell linking to the cell's own HTML report (in --out DIR/cells).")
    Path html;

    @Mixin
    AprOption apr;

    @Mixin
    LlamaOptions llama;

    // Set by the parent for the child JVM that runs one cell: it prints that cell as JSON and nothing else.
    @Option(names = "--cell", hidden = true, paramLabel = "CASE")
    Path cell;

    @Spec
    CommandSpec spec;

    @Override
    public List<String> examples() {
        return List.of("divergence-locate matrix --models models --oracle oracle/generated --require 9/12",
                "divergence-locate matrix --models my-models.properties --oracle oracle --against apr --json");
    }

    @Override
    public Integer call() throws IOException {
        Path folder = out.orElse(Path.of("matrix-report"));
        Threshold threshold = Threshold.parse(require);
        ModelMap map = ModelMap.of(models);
        Optional<AgainstSpec> other = Optional.ofNullable(against).map(AgainstSpec::parse).map(apr::apply);
        if (cell != null) {
            MatrixRunner runner = new MatrixRunner(llama.library(), map,
                    new FlooredJudgement(TraceComparator.within(Band.logprob(0)), band.band(), band.probe()), other,
                    llama.modelSettings(), llama.contextSettings(), llama.arguments(), folder.resolve("charts"));
            MatrixCell result = runner.run(List.of(OracleCase.read(cell)), c -> { }).getFirst();
            spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(result));
            return 0;
        }
        List<OracleCase> cases = OracleCatalog.cases(oracle);
        ProgressBar progress = new ProgressBar(cases.size());
        List<MatrixCell> cells = new IsolatedCells(matrixArguments(), map).run(cases, progress::advance);
        progress.finish();
        MatrixReport report = MatrixReport.of(cells, threshold);
        String jsonText = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        String markdown = report.markdown();
        AtomicFile.write(folder.resolve("matrix.md"), temp -> Files.writeString(temp, markdown, StandardCharsets.UTF_8));
        AtomicFile.write(folder.resolve("matrix.json"), temp -> Files.writeString(temp, jsonText, StandardCharsets.UTF_8));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json.json() ? jsonText + System.lineSeparator() : markdown);
        PrintWriter listing = json.json() ? spec.commandLine().getErr() : stdout;
        listing.println("wrote " + folder.resolve("matrix.md") + " and " + folder.resolve("matrix.json")
                + " (the matrix; per cell a chart in " + folder.resolve("charts") + ", an HTML report in "
                + folder.resolve("cells") + ")");
        if (html != null) {
            Path from = html.toAbsolutePath().getParent();
            String page = report.html(name -> from.relativize(folder.toAbsolutePath().resolve(name)).toString());
            AtomicFile.write(html, temp -> Files.writeString(temp, page, StandardCharsets.UTF_8));
            listing.println("wrote " + html + " (HTML matrix)");
        }
        return report.meetsThreshold() ? 0 : Main.DIVERGED;
    }

    /** This command's own arguments as given, for the children that each run one cell. */
    private List<String> matrixArguments() {
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> arguments = new ArrayList<>(List.of("matrix"));
        arguments.addAll(all.subList(all.indexOf("matrix") + 1, all.size()));
        return arguments;
    }

    /** A one-line bar on the terminal's stderr; silent when stderr is not a terminal (CI logs, pipes). */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final int total;
        private final boolean visible = System.console() != null;
        private int done;

        ProgressBar(int total) {
            this.total = total;
        }

        void advance(MatrixCell cell) {
            done++;
            if (visible) {
                int filled = done * WIDTH / total;
                System.err.printf("\r[%s%s] %d/%d %s/%s   ", "#".repeat(filled), " ".repeat(WIDTH - filled), done,
                        total, cell.model(), cell.prompt());
                System.err.flush();
            }
        }

        void finish() {
            if (visible) {
                System.err.println();
            }
        }
    }
}
