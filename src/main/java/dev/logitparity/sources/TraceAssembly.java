package dev.logitparity.sources;

import dev.logitparity.trace.Logits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;

/** The steps every reader ends with: settle the prompt, fill in missing ids, check ids, build the trace. */
final class TraceAssembly {
    private static final int QUOTE_LIMIT = 60;

    private TraceAssembly() {
    }

    /**
     * The prompt text of the run: the file's, the user's, or both when they agree. Two different prompts mean the
     * runs are not comparable, so that is an error rather than a choice.
     */
    static String prompt(Path file, String fromFile, SourceContext ctx) {
        if (fromFile != null && ctx.prompt() != null && !fromFile.equals(ctx.prompt())) {
            throw new SourceFormatException(file, "the file's prompt " + quote(fromFile)
                    + " differs from the given prompt " + quote(ctx.prompt()));
        }
        return fromFile != null ? fromFile : ctx.prompt();
    }

    /** Prompt ids for a source that records only the prompt text, from the model's tokenizer. */
    static int[] promptIds(Path file, String prompt, SourceContext ctx) {
        if (prompt == null) {
            throw new SourceFormatException(file, "records neither prompt ids nor the prompt text; give the prompt"
                    + " the run used");
        }
        return ctx.requireTokenizer(file, "turn the prompt into ids (the file does not record them)").prompt(prompt);
    }

    /**
     * The trace, with every id checked against the model's vocab when it is known and any inconsistency reported
     * against {@code file}. {@code logits} may be null (a tokens-only source); on failure it is closed.
     */
    static Trace build(Path file, RunInfo info, int[] promptIds, int[] tokens, Logits logits, SourceContext ctx) {
        try {
            if (ctx.vocab() != null) {
                if (logits != null && logits.vocab() != ctx.vocab()) {
                    throw new SourceFormatException(file, "logits rows have " + logits.vocab()
                            + " entries but the model's vocab is " + ctx.vocab());
                }
                checkInVocab(file, "prompt token", promptIds, ctx.vocab());
                checkInVocab(file, "token", tokens, ctx.vocab());
            }
            return logits == null
                    ? Trace.tokensOnly(info, promptIds, tokens)
                    : Trace.of(info, promptIds, tokens, logits);
        } catch (IllegalArgumentException | SourceFormatException e) {
            if (logits != null) {
                logits.close();
            }
            throw e instanceof SourceFormatException known ? known : new SourceFormatException(file, e.getMessage(), e);
        }
    }

    private static void checkInVocab(Path file, String what, int[] ids, int vocab) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= vocab) {
                throw new SourceFormatException(file, what + " " + i + " is id " + ids[i]
                        + ", outside the model's vocab of " + vocab);
            }
        }
    }

    private static String quote(String text) {
        String oneLine = text.replace("\n", "\\n");
        return "'" + (oneLine.length() <= QUOTE_LIMIT ? oneLine : oneLine.substring(0, QUOTE_LIMIT) + "…") + "'";
    }
}
