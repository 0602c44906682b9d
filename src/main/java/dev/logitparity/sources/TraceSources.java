package dev.logitparity.sources;

import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Reads another runtime's output as a {@link Trace}, whatever it is: the entry point of this package. The format is
 * decided by content ({@link #detect(Path)}), so a misleading extension does not matter; a caller that knows better
 * reads with {@link SourceFormat#read(Path, SourceContext)} directly. Every malformed input ends in one
 * {@link dev.logitparity.BadInputException} whose message is one line, {@code <file>: <problem>}.
 *
 * <p>A trace read from a trace folder maps its logits file: close it.
 */
public final class TraceSources {
    /**
     * The setting that says the token ids were not in the source but made by tokenising its text, so a
     * tokenisation difference can look like a generation difference; its value is {@code true}.
     */
    public static final String TOKENS_FROM_TEXT = "tokens_from_text";
    /**
     * The setting that says the prompt ids were not in the source but made by tokenising the prompt with the model's
     * tokenizer (llama.cpp's), so they cannot show a tokenisation difference; its value is {@code true}.
     */
    public static final String PROMPT_IDS_FROM_TEXT = "prompt_ids_from_text";
    /** The number of prompt tokens the source reported when it gave no prompt ids, the one check left of them. */
    public static final String PROMPT_TOKEN_COUNT = "prompt_token_count";

    private TraceSources() {
    }

    public static Trace read(Path path, SourceContext ctx) {
        return detect(path).read(path, ctx);
    }

    /** Which format {@code path} holds; a file or folder no reader understands is a {@link SourceFormatException}. */
    public static SourceFormat detect(Path path) {
        return FormatDetector.detect(path);
    }

    /** Whether {@code trace}'s prompt ids were made by our tokenizer rather than given by the source. */
    public static boolean promptIdsFromText(Trace trace) {
        return Boolean.parseBoolean(trace.info().settings().get(PROMPT_IDS_FROM_TEXT));
    }

    /** The prompt-token count the source reported beside no prompt ids, if it did. */
    public static OptionalInt promptTokenCount(Trace trace) {
        String count = trace.info().settings().get(PROMPT_TOKEN_COUNT);
        return count == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(count));
    }

    /** Whether {@code trace}'s token ids were made from text rather than given by the source. */
    public static boolean tokensFromText(Trace trace) {
        return Boolean.parseBoolean(trace.info().settings().get(TOKENS_FROM_TEXT));
    }
}
