package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.llama.ffi.llama_context_params;
import dev.logitparity.llama.ffi.llama_h;
import dev.logitparity.llama.ffi.llama_model_params;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a libllama whose ABI differs from the one the bindings describe, as far as that is detectable: every bound
 * symbol must exist, and the default parameter structs must read back the defaults of the pinned release at the
 * bindings' offsets (a field inserted or removed upstream shifts them).
 */
final class AbiCheck {

    private static final String INCLUDE_FUNCTION = "--include-function";
    // The functions bindings/includes.txt tells jextract to bind (the build copies it next to llama_h)
    static final List<String> SYMBOLS = boundFunctions();

    private AbiCheck() {
    }

    static void verify(Path dir) {
        List<String> missing = SYMBOLS.stream().filter(s -> !LlamaLibrary.hasSymbol(s)).toList();
        if (!missing.isEmpty()) {
            throw new BadInputException(dir + ": libllama lacks " + String.join(", ", missing)
                    + "; the bindings are for " + LlamaLibrary.VERSION);
        }
        List<String> skew = defaultsSkew();
        if (!skew.isEmpty()) {
            throw new BadInputException(dir + ": libllama's parameter structs differ from the bindings ("
                    + String.join("; ", skew) + "); the bindings are for " + LlamaLibrary.VERSION);
        }
    }

    private static List<String> boundFunctions() {
        String name = "includes.txt";
        try (InputStream in = llama_h.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + llama_h.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith(INCLUDE_FUNCTION))
                    .map(line -> line.substring(INCLUDE_FUNCTION.length()).strip())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> defaultsSkew() {
        List<String> skew = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment c = llama_h.llama_context_default_params(arena);
            expect(skew, "n_ctx", llama_context_params.n_ctx(c), 512);
            expect(skew, "n_batch", llama_context_params.n_batch(c), 2048);
            expect(skew, "n_ubatch", llama_context_params.n_ubatch(c), 512);
            expect(skew, "n_seq_max", llama_context_params.n_seq_max(c), 1);
            expect(skew, "flash_attn_type", llama_context_params.flash_attn_type(c),
                    llama_h.LLAMA_FLASH_ATTN_TYPE_AUTO);
            expect(skew, "yarn_ext_factor", llama_context_params.yarn_ext_factor(c), -1.0f);
            expect(skew, "type_k", llama_context_params.type_k(c), llama_h.GGML_TYPE_F16);
            expect(skew, "type_v", llama_context_params.type_v(c), llama_h.GGML_TYPE_F16);
            expect(skew, "offload_kqv", llama_context_params.offload_kqv(c), true);
            expect(skew, "n_samplers", llama_context_params.n_samplers(c), 0L);
            MemorySegment m = llama_h.llama_model_default_params(arena);
            expect(skew, "n_gpu_layers", llama_model_params.n_gpu_layers(m), -1);
            expect(skew, "use_extra_bufts", llama_model_params.use_extra_bufts(m), true);
            expect(skew, "load_mtp", llama_model_params.load_mtp(m), false);
        }
        return skew;
    }

    private static void expect(List<String> skew, String field, Object actual, Object expected) {
        if (!expected.equals(actual)) {
            skew.add(field + " reads " + actual + ", expected default " + expected);
        }
    }
}
