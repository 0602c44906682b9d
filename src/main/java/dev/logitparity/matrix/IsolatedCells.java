package dev.logitparity.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logitparity.oracle.ModelMap;
import dev.logitparity.oracle.OracleCase;
import dev.logitparity.peers.ChildCapture;
import dev.logitparity.peers.Subprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs each matrix cell in a child JVM of its own: a GGML_ASSERT on one model aborts the process it runs in, and
 * only a child survives that. The child is this same {@code matrix} command told to run one case and print its cell
 * as JSON; a child that ends without one becomes a failed cell quoting its last stderr line (for an abort: the model
 * and the assertion), and the matrix goes on.
 */
public final class IsolatedCells {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> matrixArguments;
    private final ModelMap models;

    /**
     * @param matrixArguments the {@code matrix} command line that asked for the whole matrix, to be repeated for
     *                        each cell with {@code --cell CASE}
     */
    public IsolatedCells(List<String> matrixArguments, ModelMap models) {
        this.matrixArguments = List.copyOf(matrixArguments);
        this.models = models;
    }

    /** @param progress told after each case, with the cell */
    public List<MatrixCell> run(List<OracleCase> cases, Consumer<MatrixCell> progress) {
        List<MatrixCell> cells = new ArrayList<>();
        for (OracleCase oracleCase : cases) {
            MatrixCell cell = MatrixRunner.withoutModel(models, oracleCase).orElseGet(() -> inChild(oracleCase));
            cells.add(cell);
            progress.accept(cell);
        }
        return cells;
    }

    private MatrixCell inChild(OracleCase oracleCase) {
        List<String> arguments = new ArrayList<>(matrixArguments);
        arguments.add("--cell");
        arguments.add(oracleCase.file().toString());
        String what = oracleCase.modelSlug() + "/" + oracleCase.name();
        try {
            Path out = Files.createTempFile("logit-parity-cell-", ".json");
            try {
                Subprocess.Result outcome = Subprocess.execute(what, ChildCapture.command(arguments),
                        ChildCapture.ENVIRONMENT, out, Subprocess.DEFAULT_TIMEOUT);
                Optional<MatrixCell> cell = outcome.exit() == 0 ? Optional.of(JSON.readValue(out.toFile(),
                        MatrixCell.class)) : Optional.empty();
                return cell.orElseGet(() -> MatrixCell.failed(oracleCase.modelSlug(), oracleCase.name(),
                        models.locate(oracleCase.modelSlug()).toString(), outcome.lastLine()
                                .replaceFirst("^divergence-locate: ", "") + " (exit " + outcome.exit() + ")"));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
