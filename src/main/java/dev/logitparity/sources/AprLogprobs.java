package dev.logitparity.sources;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code logprobs} object of {@code apr run --json --logprobs K} (apr-cli 0.72, #4026): the prompt ids apr
 * actually encoded (after its chat template and BOS) and, per generated step, its chosen id and its top-K tokens with
 * their logits — values after apr's repetition penalty, before temperature, as apr's own sampler saw them:
 * <pre>{@code
 * {"top_k": 20, "prompt_token_ids": [...],
 *  "steps": [{"step": 0, "chosen": 22912, "chosen_logprob": -6.08,
 *             "top": [{"token_id": 22912, "logit": 7.81, "logprob": -6.08}, ...], "logsumexp_full": 13.9}, ...]}
 * }</pre>
 * The logits, not the log-probabilities, are kept: the comparison renormalises over the listed tokens anyway, and a
 * logit is what apr's argmax compares.
 *
 * @param promptIds the prompt ids apr encoded
 * @param chosen    each step's chosen id
 * @param listed    each step's listed ids
 * @param logits    each step's logits of the listed ids, in the same order
 */
record AprLogprobs(int[] promptIds, int[] chosen, List<int[]> listed, List<float[]> logits) {

    static final String FIELD = "logprobs";

    static AprLogprobs parse(Path file, JsonNode logprobs) {
        if (!logprobs.isObject()) {
            throw new SourceFormatException(file, FIELD + " is " + JsonInput.kind(logprobs) + ", not an object");
        }
        JsonNode steps = array(file, logprobs, "steps", FIELD);
        int[] promptIds = JsonInput.tokenIds(file, array(file, logprobs, "prompt_token_ids", FIELD),
                FIELD + ".prompt_token_ids");
        int[] chosen = new int[steps.size()];
        List<int[]> listed = new ArrayList<>();
        List<float[]> logits = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String where = FIELD + ".steps[" + i + "]";
            JsonNode step = steps.get(i);
            chosen[i] = JsonInput.tokenId(file, required(file, step, "chosen", where), where + ".chosen");
            JsonNode top = array(file, step, "top", where);
            int[] ids = new int[top.size()];
            float[] values = new float[top.size()];
            for (int j = 0; j < top.size(); j++) {
                String at = where + ".top[" + j + "]";
                ids[j] = JsonInput.tokenId(file, required(file, top.get(j), "token_id", at), at + ".token_id");
                JsonNode logit = required(file, top.get(j), "logit", at);
                if (!logit.isNumber()) {
                    throw new SourceFormatException(file, at + ".logit is " + JsonInput.kind(logit) + ", not a number");
                }
                values[j] = logit.floatValue();
            }
            listed.add(ids);
            logits.add(values);
        }
        return new AprLogprobs(promptIds, chosen, listed, logits);
    }

    /** The listed logits as a top-k {@link dev.logitparity.trace.Logits} over a vocab of {@code vocab} tokens. */
    TopKLogits topK(Path file, int vocab) {
        TopKLogits.Builder builder = TopKLogits.builder(vocab);
        for (int step = 0; step < listed.size(); step++) {
            try {
                builder.appendRow(listed.get(step), logits.get(step));
            } catch (IllegalArgumentException e) {
                throw new SourceFormatException(file, FIELD + ".steps[" + step + "]: " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private static JsonNode array(Path file, JsonNode object, String name, String where) {
        JsonNode value = required(file, object, name, where);
        if (!value.isArray()) {
            throw new SourceFormatException(file, where + "." + name + " is " + JsonInput.kind(value)
                    + ", not an array");
        }
        return value;
    }

    private static JsonNode required(Path file, JsonNode object, String name, String where) {
        if (!object.isObject() || !object.hasNonNull(name)) {
            throw new SourceFormatException(file, where + " has no '" + name + "'");
        }
        return object.get(name);
    }
}
