package dev.logitparity.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logitparity.trace.CaptureMode;
import dev.logitparity.trace.Logits;
import dev.logitparity.trace.RunInfo;
import dev.logitparity.trace.Trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The output of {@code apr run MODEL --prompt … --json}. apr 0.x (apr-cli's {@code print_run_output}, GH-250)
 * prints {@code {"model", "text", "tokens", "tokens_generated", "max_tokens", "tok_per_sec", "inference_time_ms",
 * "used_gpu", "cached"}}, with {@code tokens} the generated ids only, or {@code []} when the engine returned none;
 * it records no prompt. The reader is more tolerant than that, so a later apr (or a similar runtime) still reads;
 * the names it looks for are {@link Fields#TOLERANT}, and a schema change is a change of that one constant.
 *
 * <p>Generated ids: an array of ints, or of objects carrying the id ({@code id}/{@code token_id}) and optionally
 * the token's own value ({@code logit}/{@code logprob}) and its alternatives ({@code top_logprobs}/
 * {@code top_logits}/{@code top}: objects with an id and a value, or {@code [id, value]} pairs). Listed values become
 * {@link TopKLogits} when the model's vocab is known. With no ids (or an empty array beside non-empty text), the text
 * is tokenised as a continuation and the settings say {@value TraceSources#TOKENS_FROM_TEXT}{@code =true}.
 * Prompt ids come from a prompt-id array when present, else from tokenising the prompt text (flagged
 * {@value TraceSources#PROMPT_IDS_FROM_TEXT}, with apr's {@code prompt_tokens} count kept as
 * {@value TraceSources#PROMPT_TOKEN_COUNT}: apr 0.72 counts its chat template and BOS). Every other scalar field is
 * kept in the settings.
 *
 * <p>apr 0.72's {@code --logprobs K} adds a {@code logprobs} object ({@link AprLogprobs}): then the prompt ids are
 * apr's own and each step's top-K logits make a top-k trace, so the comparison is two-sided over the listed tokens.
 */
final class AprJsonReader {
    private static final String SOURCE = "apr";

    /** The field names read, each list in order of preference. */
    record Fields(List<String> text, List<String> generatedIds, List<String> promptIds, List<String> tokenId,
                  List<String> value, List<String> alternatives, String prompt, String model) {
        static final Fields TOLERANT = new Fields(
                List.of("text", "output", "generated_text", "completion"),
                List.of("tokens", "token_ids", "generated_tokens", "output_tokens"),
                List.of("prompt_tokens", "prompt_token_ids", "input_tokens"),
                List.of("id", "token_id"),
                List.of("logit", "logprob"),
                List.of("top_logprobs", "top_logits", "top"),
                "prompt", "model");
    }

    private AprJsonReader() {
    }

    static Trace read(Path file, SourceContext ctx) {
        Fields fields = Fields.TOLERANT;
        ObjectNode json = JsonInput.readObject(file);
        Map<String, String> settings = JsonInput.scalars(json, Set.of(fields.model(), fields.prompt()));
        String text = first(json, fields.text(), node -> !node.isNull())
                .map(field -> JsonInput.optionalText(file, json, field.getKey())).orElse(null);
        Optional<Map.Entry<String, JsonNode>> ids = first(json, fields.generatedIds(), JsonNode::isArray)
                // apr writes "tokens": [] when its engine returned no ids, whatever it generated.
                .filter(field -> !field.getValue().isEmpty() || text == null || text.isEmpty());
        if (ids.isEmpty() && text == null) {
            throw new SourceFormatException(file, "has neither generated token ids (" + String.join(", ",
                    fields.generatedIds()) + ") nor generated text (" + String.join(", ", fields.text()) + ")");
        }
        // Everything the file says is checked before the tokenizer is asked for what it does not say.
        Steps steps = ids.map(field -> Steps.parse(file, field.getKey(), field.getValue(), fields)).orElse(null);
        Optional<AprLogprobs> logprobs = Optional.ofNullable(json.get(AprLogprobs.FIELD)).filter(node -> !node.isNull())
                .map(node -> AprLogprobs.parse(file, node));
        Logits logits = logprobs.isPresent() ? logprobsLogits(file, logprobs.get(), steps, ctx, settings)
                : steps == null ? null : steps.logits(file, ctx, settings);
        Optional<int[]> filePromptIds = logprobs.map(AprLogprobs::promptIds).or(() ->
                first(json, fields.promptIds(), JsonNode::isArray)
                        .map(field -> JsonInput.tokenIds(file, field.getValue(), field.getKey())));
        String prompt = TraceAssembly.prompt(file, JsonInput.optionalText(file, json, fields.prompt()), ctx);
        int[] promptIds = filePromptIds.orElseGet(() -> {
            // Our tokenizer's ids are no evidence of apr's: say so, and keep the count apr reported to check them by.
            settings.put(TraceSources.PROMPT_IDS_FROM_TEXT, "true");
            first(json, fields.promptIds(), JsonNode::canConvertToInt).ifPresent(count ->
                    settings.put(TraceSources.PROMPT_TOKEN_COUNT, Integer.toString(count.getValue().intValue())));
            return TraceAssembly.promptIds(file, prompt, ctx);
        });

        int[] tokens;
        if (steps != null) {
            tokens = steps.ids();
        } else {
            tokens = ctx.requireTokenizer(file, "turn the generated text into ids (the file records none)")
                    .continuation(text);
            settings.put(TraceSources.TOKENS_FROM_TEXT, "true");
        }
        RunInfo info = new RunInfo(SOURCE, JsonInput.optionalText(file, json, fields.model()), null, null,
                CaptureMode.FREE_RUN, prompt, settings, null);
        return TraceAssembly.build(file, info, promptIds, tokens, logits, ctx);
    }

    /** apr's top-K logits, whose chosen ids must be the generated ones; null when the vocab size is unknown. */
    private static Logits logprobsLogits(Path file, AprLogprobs logprobs, Steps steps, SourceContext ctx,
                                         Map<String, String> settings) {
        if (steps == null || !Arrays.equals(steps.ids(), logprobs.chosen())) {
            throw new SourceFormatException(file, AprLogprobs.FIELD + ".steps' chosen ids "
                    + Arrays.toString(logprobs.chosen()) + " are not the generated ids");
        }
        if (ctx.vocab() == null) {
            settings.put("values_dropped", "the model's vocab size is unknown");
            return null;
        }
        settings.put("values", "logit");
        return logprobs.topK(file, ctx.vocab());
    }

    private static Optional<Map.Entry<String, JsonNode>> first(JsonNode object, List<String> names,
                                                               Predicate<JsonNode> usable) {
        return names.stream()
                .filter(name -> object.hasNonNull(name) && usable.test(object.get(name)))
                .map(name -> Map.entry(name, object.get(name)))
                .findFirst();
    }

    /** The generated ids and, per step, the tokens the file gives a value for (none where it gives none). */
    private static final class Steps {
        private final int[] ids;
        private final List<int[]> listed = new ArrayList<>();
        private final List<float[]> values = new ArrayList<>();
        /** The names the values were read from ({@code logit}, {@code logprob}). */
        private final Set<String> valueFields = new LinkedHashSet<>();

        private Steps(int steps) {
            this.ids = new int[steps];
        }

        static Steps parse(Path file, String name, JsonNode array, Fields fields) {
            Steps steps = new Steps(array.size());
            for (int i = 0; i < array.size(); i++) {
                steps.readStep(file, name + "[" + i + "]", i, array.get(i), fields);
            }
            // A logit and a log-probability differ by a per-row constant, so one row cannot mix them.
            if (steps.valueFields.size() > 1) {
                throw new SourceFormatException(file, "'" + name + "' mixes " + String.join(" and ",
                        steps.valueFields.stream().map(field -> "'" + field + "'").toList()) + " values");
            }
            return steps;
        }

        private void readStep(Path file, String where, int step, JsonNode element, Fields fields) {
            if (!element.isObject()) {
                ids[step] = JsonInput.tokenId(file, element, where);
                listed.add(new int[0]);
                values.add(new float[0]);
                return;
            }
            Map.Entry<String, JsonNode> id = first(element, fields.tokenId(), node -> true).orElseThrow(() ->
                    new SourceFormatException(file, where + " has no token id (" + String.join(", ", fields.tokenId())
                            + ")"));
            ids[step] = JsonInput.tokenId(file, id.getValue(), where + "." + id.getKey());
            List<Map.Entry<Integer, Float>> entries = new ArrayList<>();
            first(element, fields.alternatives(), node -> true).ifPresent(top -> {
                String at = where + "." + top.getKey();
                if (!top.getValue().isArray()) {
                    throw new SourceFormatException(file, at + " is " + JsonInput.kind(top.getValue())
                            + ", not an array");
                }
                for (int j = 0; j < top.getValue().size(); j++) {
                    entries.add(alternative(file, at + "[" + j + "]", top.getValue().get(j), fields));
                }
            });
            Optional<Float> own = valueOf(file, where, element, fields);
            if (own.isPresent() && entries.stream().noneMatch(entry -> entry.getKey() == ids[step])) {
                entries.add(Map.entry(ids[step], own.get()));
            }
            listed.add(entries.stream().mapToInt(Map.Entry::getKey).toArray());
            float[] row = new float[entries.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = entries.get(j).getValue();
            }
            values.add(row);
        }

        private Map.Entry<Integer, Float> alternative(Path file, String where, JsonNode entry, Fields fields) {
            if (entry.isArray() && entry.size() == 2) {
                return Map.entry(JsonInput.tokenId(file, entry.get(0), where + "[0]"),
                        number(file, where + "[1]", entry.get(1)));
            }
            if (entry.isObject()) {
                Map.Entry<String, JsonNode> id = first(entry, fields.tokenId(), node -> true).orElseThrow(() ->
                        new SourceFormatException(file, where + " has no token id"));
                float value = valueOf(file, where, entry, fields).orElseThrow(() ->
                        new SourceFormatException(file, where + " has no value (" + String.join(", ", fields.value())
                                + ")"));
                return Map.entry(JsonInput.tokenId(file, id.getValue(), where + "." + id.getKey()), value);
            }
            throw new SourceFormatException(file, where + " is " + JsonInput.kind(entry)
                    + ", not an [id, value] pair or an object with an id and a value");
        }

        private Optional<Float> valueOf(Path file, String where, JsonNode object, Fields fields) {
            return first(object, fields.value(), node -> true).map(field -> {
                valueFields.add(field.getKey());
                return number(file, where + "." + field.getKey(), field.getValue());
            });
        }

        private static float number(Path file, String where, JsonNode value) {
            if (!value.isNumber()) {
                throw new SourceFormatException(file, where + " is " + JsonInput.kind(value) + ", not a number");
            }
            return value.floatValue();
        }

        int[] ids() {
            return ids;
        }

        /** Top-k logits from the listed values, or null when the file lists none; notes in settings what it did. */
        Logits logits(Path file, SourceContext ctx, Map<String, String> settings) {
            long withValues = listed.stream().filter(row -> row.length > 0).count();
            if (withValues == 0) {
                return null;
            }
            for (int step = 0; withValues < ids.length; step++) {
                if (listed.get(step).length == 0) {
                    throw new SourceFormatException(file, "step " + step + " lists no values but other steps do");
                }
            }
            if (ctx.vocab() == null) {
                settings.put("values_dropped", "the model's vocab size is unknown");
                return null;
            }
            settings.put("values", String.join(",", valueFields.isEmpty() ? Set.of("pairs") : valueFields));
            TopKLogits.Builder builder = TopKLogits.builder(ctx.vocab());
            for (int step = 0; step < ids.length; step++) {
                try {
                    builder.appendRow(listed.get(step), values.get(step));
                } catch (IllegalArgumentException e) {
                    throw new SourceFormatException(file, "step " + step + ": " + e.getMessage(), e);
                }
            }
            return builder.build();
        }
    }
}
