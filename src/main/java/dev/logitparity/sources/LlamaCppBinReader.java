package dev.logitparity.sources;

import dev.logitparity.logits.LogProbs;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.InMemoryLogits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of llama.cpp's {@code llama-debug -m MODEL -p PROMPT --save-logits} (examples/debug/debug.cpp, run by
 * examples/model-conversion/scripts/causal/run-converted-model.sh), written to {@code --logits-output-dir}
 * (default {@code data/}) as {@code llamacpp-<model stem>*}; model-conversion's run-org-model.py writes the
 * transformers side in the same layout as {@code pytorch-<model>*} (scripts/utils/common.py, save_output_data):
 * <ul>
 *   <li>{@code NAME.bin}: raw float32 in host order (little-endian on every platform llama.cpp ships for), the
 *       logits at the <em>last prompt position only</em>: {@code n_vocab} floats
 *       ({@code llama_get_logits_ith(ctx, n_tokens - 1)} after one {@code llama_decode} of the whole prompt);</li>
 *   <li>{@code NAME-tokens.bin}: the prompt's ids as decoded, int32, BOS included when the vocab adds one;</li>
 *   <li>{@code NAME-prompt.txt}: {@code prompt: TEXT\nn_tokens: N\ntoken ids: a, b, …}, read when present;</li>
 *   <li>{@code NAME.txt}: the same logits as text, not read.</li>
 * </ul>
 * The files do not give the vocab size; it comes from the model ({@link SourceContext#vocab()}), or, when unknown,
 * the file is taken as the one row llama-debug writes. {@code -embeddings} files (written with
 * {@code --embedding}) hold embeddings, not logits, and are refused.
 *
 * <p>As a trace: R rows ({@code R = size / (vocab × 4)}, 1 for llama-debug) are the logits at the last R of the N
 * positions, so the prompt is the first {@code N − R + 1} ids and step {@code i} predicts position
 * {@code N − R + 1 + i}. Each step's token is the next id in the file, except the last step's: the file records no
 * chosen token, so it is the argmax of the last row, i.e. the runtime's greedy choice. One row is therefore a
 * one-step free run; more rows are teacher-forced on the file's ids.
 */
final class LlamaCppBinReader {
    private static final String TOKENS_SUFFIX = "-tokens.bin";
    private static final String PROMPT_SUFFIX = "-prompt.txt";
    private static final String EMBEDDINGS_SUFFIX = "-embeddings";
    private static final String TRANSFORMERS_PREFIX = "pytorch-";
    private static final String LLAMA_DEBUG_PREFIX = "llamacpp-";
    private static final String PROMPT_LINE = "prompt: ";
    private static final String COUNT_LINE = "\nn_tokens: ";

    /** The logits file and its sibling token file; {@code stem} is the name both share. */
    record BinFiles(Path logits, Path tokens, String stem) {
        Path prompt() {
            return tokens.resolveSibling(stem + PROMPT_SUFFIX);
        }
    }

    private LlamaCppBinReader() {
    }

    /** The pair {@code path} belongs to (it may name either file), when the other file exists. */
    static Optional<BinFiles> locate(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(TOKENS_SUFFIX)) {
            String stem = name.substring(0, name.length() - TOKENS_SUFFIX.length());
            Path logits = path.resolveSibling(stem + ".bin");
            return Files.isRegularFile(logits) ? Optional.of(new BinFiles(logits, path, stem)) : Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path tokens = path.resolveSibling(stem + TOKENS_SUFFIX);
        return Files.isRegularFile(tokens) ? Optional.of(new BinFiles(path, tokens, stem)) : Optional.empty();
    }

    static Trace read(Path path, SourceContext ctx) {
        BinFiles files = locate(path).orElseThrow(() -> new SourceFormatException(path,
                "no sibling <name>" + TOKENS_SUFFIX + " (llama-debug --save-logits writes NAME.bin beside NAME"
                        + TOKENS_SUFFIX + ")"));
        Path file = files.logits();
        if (files.stem().endsWith(EMBEDDINGS_SUFFIX)) {
            throw new SourceFormatException(file, "holds embeddings (llama-debug --embedding), not logits");
        }
        int[] sequence = readTokens(files.tokens());
        float[] floats = readFloats(file);
        int vocab = ctx.vocab() != null ? ctx.vocab() : floats.length;
        if (floats.length % vocab != 0) {
            throw new SourceFormatException(file, (long) floats.length * Float.BYTES + " bytes are not whole rows of"
                    + " the model's vocab " + vocab + " (" + (long) vocab * Float.BYTES + " bytes a row)");
        }
        int rows = floats.length / vocab;
        if (rows > sequence.length) {
            throw new SourceFormatException(file, rows + " logits rows but " + files.tokens().getFileName()
                    + " holds " + sequence.length + " token ids (at most one row per position)");
        }
        String prompt = TraceAssembly.prompt(file, promptText(files, sequence.length), ctx);

        int firstRowPosition = sequence.length - rows;
        int[] promptIds = Arrays.copyOfRange(sequence, 0, firstRowPosition + 1);
        int[] tokens = new int[rows];
        System.arraycopy(sequence, firstRowPosition + 1, tokens, 0, rows - 1);
        float[] lastRow = Arrays.copyOfRange(floats, (rows - 1) * vocab, rows * vocab);
        tokens[rows - 1] = LogProbs.argmax(lastRow, vocab);

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("layout", "llama-debug --save-logits");
        settings.put("logits_rows", Integer.toString(rows));
        settings.put("last_step_token", "argmax of the last row (the file records no chosen token)");
        if (ctx.vocab() == null) {
            settings.put("vocab_from", "file size, taken as one row");
        }
        boolean transformers = files.stem().startsWith(TRANSFORMERS_PREFIX);
        String model = files.stem().replaceFirst("^(" + TRANSFORMERS_PREFIX + "|" + LLAMA_DEBUG_PREFIX + ")", "");
        RunInfo info = new RunInfo(transformers ? "transformers" : "llama.cpp-debug", model, null, null,
                rows == 1 ? CaptureMode.FREE_RUN : CaptureMode.TEACHER_FORCED, prompt, settings, null);
        return TraceAssembly.build(file, info, promptIds, tokens, InMemoryLogits.wrap(vocab, floats), ctx);
    }

    private static int[] readTokens(Path file) {
        ByteBuffer bytes = wholeWords(file, "int32 token ids");
        int[] ids = new int[bytes.remaining() / Integer.BYTES];
        bytes.asIntBuffer().get(ids);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new SourceFormatException(file, "id " + i + " is " + ids[i] + ", not a token id");
            }
        }
        return ids;
    }

    private static float[] readFloats(Path file) {
        ByteBuffer bytes = wholeWords(file, "float32 logits");
        float[] floats = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(floats);
        return floats;
    }

    /** The file as little-endian 4-byte words: not empty, and no bytes left over. */
    private static ByteBuffer wholeWords(Path file, String what) {
        byte[] bytes = SourceFiles.readAll(file);
        if (bytes.length == 0) {
            throw new SourceFormatException(file, "empty file (expected " + what + ")");
        }
        if (bytes.length % Integer.BYTES != 0) {
            throw new SourceFormatException(file, bytes.length + " bytes are not a whole number of " + what);
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The prompt text from {@code NAME-prompt.txt}, or null without one; its n_tokens must match the ids. */
    private static String promptText(BinFiles files, int ids) {
        Path file = files.prompt();
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = new String(SourceFiles.readAll(file), StandardCharsets.UTF_8);
        // The prompt itself may span lines, so its end is the last n_tokens line.
        int end = text.lastIndexOf(COUNT_LINE);
        if (!text.startsWith(PROMPT_LINE) || end < PROMPT_LINE.length()) {
            throw new SourceFormatException(file, "not llama-debug's layout ('" + PROMPT_LINE.strip()
                    + " …' then 'n_tokens: …')");
        }
        String count = text.substring(end + COUNT_LINE.length()).lines().findFirst().orElse("").strip();
        if (!count.equals(Integer.toString(ids))) {
            throw new SourceFormatException(file, "n_tokens is " + count + " but " + files.tokens().getFileName()
                    + " holds " + ids + " ids");
        }
        return text.substring(PROMPT_LINE.length(), end);
    }
}
