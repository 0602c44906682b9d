package dev.logitparity.llama;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model-load settings that change numbers.
 *
 * @param repack let ggml repack weights into its CPU-specific layouts ({@code use_extra_bufts}); the AVX-512/AMX
 *               kernels repack Q8_0, which changes the order of the dot products
 */
public record ModelSettings(boolean repack) {

    /** llama.cpp's own default, so captures match what its tools print. */
    public static ModelSettings defaults() {
        return new ModelSettings(true);
    }

    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("repack", Boolean.toString(repack));
        return out;
    }
}
