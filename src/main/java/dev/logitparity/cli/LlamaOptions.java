package dev.logitparity.cli;

import dev.logitparity.llama.ContextSettings;
import dev.logitparity.llama.LibrarySettings;
import dev.logitparity.llama.LlamaLibrary;
import dev.logitparity.llama.LlamaModel;
import dev.logitparity.llama.ModelSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The llama.cpp settings every command that runs the model takes. Defaults are {@link ContextSettings#defaults()}. */
final class LlamaOptions {

    @Option(names = "--threads", paramLabel = "T", description = "Decode threads (default: available processors).")
    Integer threads;

    @Option(names = "--batch", paramLabel = "B", description = "n_batch: prompt chunk size (default: 512).")
    Integer batch;

    @Option(names = "--ctx", paramLabel = "N", description = "Context length in tokens (default: 1024, or the "
            + "model's trained context when that is smaller and the run fits in it).")
    Integer contextLength;

    @Option(names = "--flash-attn", arity = "1", paramLabel = "on|off", description = "Flash attention (default: on).",
            converter = OnOff.class)
    Boolean flashAttention;

    @Option(names = "--kv-type", paramLabel = "f16|f32|q8_0", converter = KvTypeConverter.class,
            description = "KV cache element type (default: f16, llama.cpp's).")
    ContextSettings.KvType kvType;

    @Option(names = "--exact", description = "Compute as an fp32 runtime does: F32 KV cache and flash attention off "
            + "(unless --kv-type or --flash-attn say otherwise). Use it to compare with PyTorch or another fp32 port.")
    boolean exact;

    @Option(names = "--no-repack", description = "Keep weights in their GGUF layout (no CPU-specific repacking).")
    boolean noRepack;

    @Option(names = "--cpu", paramLabel = "VARIANT",
            description = "Pin a ggml CPU kernel variant (e.g. haswell, skylakex) instead of the automatic pick.")
    String cpuVariant;

    @Option(names = "--lib", paramLabel = "DIR",
            description = "Folder with libllama (default: $LOGIT_PARITY_LIB, else native/lib).")
    Path libDir;

    @Option(names = "--verbose", description = "Show llama.cpp's log on stderr.")
    boolean verbose;

    /** These options as command-line arguments, for a child JVM that must run with the same settings. */
    List<String> arguments() {
        List<String> out = new ArrayList<>();
        add(out, "--threads", threads);
        add(out, "--batch", batch);
        add(out, "--ctx", contextLength);
        add(out, "--flash-attn", flashAttention == null ? null : flashAttention ? "on" : "off");
        add(out, "--kv-type", kvType == null ? null : kvType.name().toLowerCase(java.util.Locale.ROOT));
        if (exact) {
            out.add("--exact");
        }
        add(out, "--cpu", cpuVariant);
        add(out, "--lib", libDir);
        if (noRepack) {
            out.add("--no-repack");
        }
        return out;
    }

    private static void add(List<String> out, String option, Object value) {
        if (value != null) {
            out.add(option);
            out.add(value.toString());
        }
    }

    LlamaLibrary library() {
        LibrarySettings env = LibrarySettings.fromEnvironment();
        return LlamaLibrary.load(new LibrarySettings(
                libDir != null ? libDir : env.dir(),
                cpuVariant != null ? Optional.of(cpuVariant) : env.cpuVariant()));
    }

    ModelSettings modelSettings() {
        return new ModelSettings(!noRepack);
    }

    /** {@link #contextSettings()}, the default context fitted to {@code model}'s trained one for {@code needed} positions. */
    ContextSettings contextSettings(LlamaModel model, int needed) {
        return contextLength != null ? contextSettings() : contextSettings().fittedTo(model, needed);
    }

    ContextSettings contextSettings() {
        ContextSettings s = exact ? ContextSettings.defaults().exact() : ContextSettings.defaults();
        if (threads != null) {
            s = s.withThreads(threads);
        }
        if (batch != null) {
            s = s.withBatch(batch);
        }
        if (contextLength != null) {
            s = s.withContextLength(contextLength);
        }
        if (flashAttention != null) {
            s = s.withFlashAttention(flashAttention);
        }
        if (kvType != null) {
            s = s.withKvType(kvType);
        }
        return s;
    }

    static final class KvTypeConverter implements picocli.CommandLine.ITypeConverter<ContextSettings.KvType> {
        @Override
        public ContextSettings.KvType convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "f16" -> ContextSettings.KvType.F16;
                case "f32" -> ContextSettings.KvType.F32;
                case "q8_0" -> ContextSettings.KvType.Q8_0;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a KV cache type (f16, f32 or q8_0)");
            };
        }
    }

    static final class OnOff implements picocli.CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value) {
                case "on", "true", "1" -> true;
                case "off", "false", "0" -> false;
                default -> throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not on or off");
            };
        }
    }
}
