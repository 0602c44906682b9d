package dev.logitparity.peers;

import java.util.List;
import java.util.Map;

/**
 * The keys of {@code --against llama.cpp:KEY=VALUE,...} and how each reaches the child JVM: as a {@code capture}
 * option, or as an environment variable where llama.cpp reads one.
 */
final class LlamaCppSetting {

    static final List<String> KEYS = List.of("threads", "batch", "ctx", "flash-attn", "kv-type", "cpu", "repack",
            "graph-reuse");

    private LlamaCppSetting() {
    }

    /** Options for the child's {@code capture} command. */
    static List<String> options(Map<String, String> settings) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        settings.forEach((key, value) -> {
            switch (key) {
                case "threads", "batch", "ctx", "flash-attn", "kv-type", "cpu" -> {
                    out.add("--" + key);
                    out.add(value);
                }
                case "repack" -> {
                    if (isOff(value)) {
                        out.add("--no-repack");
                    }
                }
                default -> {
                    // environment-only settings
                }
            }
        });
        return out;
    }

    /** Environment for the child: graph reuse is read by llama.cpp from LLAMA_GRAPH_REUSE_DISABLE. */
    static Map<String, String> environment(Map<String, String> settings) {
        String reuse = settings.get("graph-reuse");
        return reuse != null && isOff(reuse) ? Map.of("LLAMA_GRAPH_REUSE_DISABLE", "1") : Map.of();
    }

    private static boolean isOff(String value) {
        return value.equals("off") || value.equals("false") || value.equals("0");
    }
}
