package dev.logitparity.junit;

import dev.logitparity.matrix.ModelMap;
import dev.logitparity.sources.OracleCase;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * One oracle case handed to a test by {@link OracleCasesSource}.
 *
 * @param oracle    the case: slug, prompt, the oracle's generated token ids and text
 * @param modelPath where the case's GGUF should be, whether or not a file is there
 * @param modelMap  the folder or properties file that path came from
 */
public record OracleTestCase(OracleCase oracle, Path modelPath, Path modelMap) {

    /**
     * The case's GGUF. When it is absent the test is aborted, so JUnit reports it skipped with the missing path
     * rather than passed.
     */
    public Path model() {
        if (Files.isRegularFile(modelPath)) {
            return modelPath;
        }
        return Assumptions.abort("no model for " + oracle.modelSlug() + ": " + modelPath + " (set "
                + ModelMap.environmentVariable(oracle.modelSlug()) + " or map it in " + modelMap + ")");
    }

    /**
     * The oracle's generated tokens as a trace without logits, after {@code promptTokens}: the case records only the
     * prompt text, so pass the ids the runtime it is compared with fed (e.g. a llama.cpp trace's
     * {@code promptTokens()}).
     */
    public Trace trace(int[] promptTokens) {
        RunInfo info = new RunInfo("oracle", oracle.file().toString(), null, null, CaptureMode.FREE_RUN,
                oracle.prompt(), Map.of("model_slug", oracle.modelSlug()), null);
        return Trace.tokensOnly(info, promptTokens, oracle.tokens());
    }

    /** {@code <slug>/<name>}, e.g. {@code qwen2-0.5b/completion}: the case's display name in a parameterized test. */
    @Override
    public String toString() {
        return oracle.modelSlug() + "/" + oracle.name();
    }
}
