package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.llama.ffi.llama_context_params;
import dev.logitparity.llama.ffi.llama_h;
import dev.logitparity.llama.ffi.llama_model_params;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a libllama whose ABI differs from the one the bindings describe, as far as that is detectable: every bound
 * symbol must exist, and the default parameter structs must read back the defaults of the pinned release at the
 * bindings' offsets (a field inserted or removed upstream shifts them).
 */
final class AbiCheck {

    private static final List<String> SYMBOLS = List.of(
            "llama_backend_init", "llama_log_set", "llama_model_default_params", "llama_context_default_params",
            "llama_model_load_from_file", "llama_model_free", "llama_init_from_model", "llama_free",
            "llama_model_get_vocab", "llama_model_desc", "llama_model_meta_val_str", "llama_vocab_n_tokens",
            "llama_vocab_is_eog", "llama_vocab_get_add_bos", "llama_tokenize", "llama_token_to_piece",
            "llama_batch_get_one", "llama_decode", "llama_get_logits_ith", "llama_get_memory", "llama_memory_clear",
            "llama_n_ctx", "llama_n_batch", "llama_n_ubatch", "llama_sampler_init_greedy", "llama_sampler_sample",
            "llama_sampler_free", "llama_print_system_info", "ggml_backend_load", "ggml_backend_load_all_from_path",
            "ggml_backend_reg_count", "ggml_backend_reg_get", "ggml_backend_reg_name");

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
