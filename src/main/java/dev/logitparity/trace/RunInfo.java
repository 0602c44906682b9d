package dev.logitparity.trace;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What produced a trace, recorded so two traces can be told apart and a run can be repeated.
 *
 * @param source      the producing runtime, e.g. {@code llama.cpp}; required
 * @param model       the model path as the user gave it; null when the source does not say
 * @param modelSha256 lowercase hex sha256 of the model file, or null when unknown
 * @param library     the runtime build, e.g. {@code llama.cpp b6000 via @node-llama-cpp/linux-x64@3.21.1}; nullable
 * @param mode        free-run or teacher-forced; required
 * @param prompt      the prompt text, or null when the source gives only token ids
 * @param settings    every setting that can change the numbers (threads, n_batch, flash_attn, cpu_backend, …), in the
 *                    order they were recorded; null means none
 * @param createdBy   the tool and version that wrote the trace; nullable
 */
public record RunInfo(String source, String model, String modelSha256, String library, CaptureMode mode,
                      String prompt, Map<String, String> settings, String createdBy) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public RunInfo {
        Objects.requireNonNull(source, "source is required");
        Objects.requireNonNull(mode, "mode is required");
        if (modelSha256 != null && !SHA256.matcher(modelSha256).matches()) {
            throw new IllegalArgumentException("modelSha256 must be 64 lowercase hex digits, got '" + modelSha256 + "'");
        }
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((key, value) -> ordered.put(
                    Objects.requireNonNull(key, "setting name is null"),
                    Objects.requireNonNull(value, () -> "setting '" + key + "' has no value")));
        }
        settings = Collections.unmodifiableSequencedMap(ordered);
    }

    /** The source with the model's file name when known, e.g. {@code llama.cpp (qwen2-q8_0.gguf)}: two sides may be
     *  the same runtime on different files. */
    public String label() {
        if (model == null || model.isBlank()) {
            return source;
        }
        Path name = Path.of(model).getFileName();
        return source + " (" + (name == null ? model : name) + ")";
    }
}
