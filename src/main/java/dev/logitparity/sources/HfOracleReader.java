package dev.logitparity.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.Set;

/**
 * A Hugging Face oracle case, {@code oracle/<model>/<prompt>.json}: transformers' greedy output for one prompt.
 *
 * <p>Read: {@code tokens} (generated ids only, required), {@code prompt} (required: the file has no prompt ids, so
 * they come from the model's tokenizer), {@code model}, {@code runtime} (the trace's source, default
 * {@code transformers}), {@code transformers_version} and {@code torch_version} (the library), and
 * {@code token_count}, checked against {@code tokens}. Every scalar field but {@code model} and {@code prompt} —
 * {@code text}, {@code model_slug}, {@code do_sample}, {@code max_new_tokens}, … — is kept in the settings. The
 * result has no logits: transformers' side of the comparison is its choice of tokens.
 */
final class HfOracleReader {
    private static final String DEFAULT_SOURCE = "transformers";
    private static final Set<String> IN_RUN_INFO = Set.of("model", "prompt");

    private HfOracleReader() {
    }

    static Trace read(Path file, SourceContext ctx) {
        ObjectNode json = JsonInput.readObject(file);
        JsonNode tokensField = json.get("tokens");
        if (tokensField == null) {
            throw new SourceFormatException(file, "missing 'tokens'");
        }
        int[] tokens = JsonInput.tokenIds(file, tokensField, "tokens");
        JsonNode count = json.get("token_count");
        if (count != null && !(count.isIntegralNumber() && count.asLong() == tokens.length)) {
            throw new SourceFormatException(file, "token_count is " + JsonInput.kind(count) + " but 'tokens' holds "
                    + tokens.length + " ids");
        }
        String filePrompt = JsonInput.optionalText(file, json, "prompt");
        if (filePrompt == null) {
            throw new SourceFormatException(file, "missing 'prompt'");
        }
        String prompt = TraceAssembly.prompt(file, filePrompt, ctx);
        int[] promptIds = TraceAssembly.promptIds(file, prompt, ctx);

        String runtime = JsonInput.optionalText(file, json, "runtime");
        RunInfo info = new RunInfo(runtime != null ? runtime : DEFAULT_SOURCE,
                JsonInput.optionalText(file, json, "model"), null, library(file, json), CaptureMode.FREE_RUN, prompt,
                JsonInput.scalars(json, IN_RUN_INFO), null);
        return TraceAssembly.build(file, info, promptIds, tokens, null, ctx);
    }

    private static String library(Path file, ObjectNode json) {
        String transformers = JsonInput.optionalText(file, json, "transformers_version");
        String torch = JsonInput.optionalText(file, json, "torch_version");
        if (transformers == null) {
            return torch == null ? null : "torch " + torch;
        }
        return "transformers " + transformers + (torch == null ? "" : ", torch " + torch);
    }
}
