package dev.logitparity.junit;

import dev.logitparity.oracle.ModelMap;
import dev.logitparity.oracle.OracleCase;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * One oracle case handed to a test by {@link OracleCasesSource}.
 *
 * @param oracle    the case: slug, prompt, the oracle's generated token ids and text
 * @param modelPath where the case's GGUF should be, whether or not a file is there
 * @param modelMap  the folder or properties file that path came from
 * @param required  whether a missing model fails the test rather than skipping it
 */
public record OracleTestCase(OracleCase oracle, Path modelPath, Path modelMap, boolean required) {

    /**
     * The case's GGUF. When it is absent the test is aborted, so JUnit reports it skipped with the missing path
     * rather than passed; or, when models are {@link #required()}, it fails.
     */
    public Path model() {
        if (Files.isRegularFile(modelPath)) {
            return modelPath;
        }
        String missing = "no model for " + oracle.modelSlug() + ": " + modelPath + " (set "
                + ModelMap.environmentVariable(oracle.modelSlug()) + " or map it in " + modelMap + ")";
        if (required) {
            throw new AssertionFailedError(missing + "; " + OracleCasesProvider.MODELS_REQUIRED_PARAMETER + " is true");
        }
        return Assumptions.abort(missing);
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

    /**
     * {@code <slug>/<name>: "<prompt>"}, e.g. {@code qwen2-0.5b/completion: "The capital of France is"}: the case's
     * name in a parameterized test's display name, and a description for {@code as(...)}.
     */
    public String displayName() {
        return toString() + ": \"" + oracle.prompt().replace("\n", "\\n") + "\"";
    }

    /** {@code <slug>/<name>}, e.g. {@code qwen2-0.5b/completion}. */
    @Override
    public String toString() {
        return oracle.modelSlug() + "/" + oracle.name();
    }
}
