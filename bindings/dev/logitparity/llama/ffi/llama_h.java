// Generated in jextract's shape from llama.h / ggml-backend.h of llama.cpp v0.4.0 (node-llama-cpp@3.21.1);
// restricted to bindings/includes.txt. Regenerate with `make bindings` where jextract is on PATH.

package dev.logitparity.llama.ffi;

import java.lang.invoke.MethodHandle;
import java.lang.foreign.*;
import java.util.Arrays;
import java.util.stream.Collectors;

import static java.lang.foreign.ValueLayout.*;

/**
 * Header class for {@code llama.h} (and the parts of {@code ggml-backend.h} the project calls).
 * Symbols are looked up in the libraries already loaded by this class loader, so
 * {@code dev.logitparity.llama.LlamaLibrary} must {@code System.load} the pinned libraries first.
 */
public final class llama_h {

    llama_h() {
        // Should not be called directly
    }

    static final Arena LIBRARY_ARENA = Arena.ofAuto();
    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean("jextract.trace.downcalls");

    static void traceDowncall(String name, Object... args) {
         String traceArgs = Arrays.stream(args)
                       .map(Object::toString)
                       .collect(Collectors.joining(", "));
         System.out.printf("%s(%s)\n", name, traceArgs);
    }

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP.find(symbol)
            .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol: " + symbol));
    }

    static final SymbolLookup SYMBOL_LOOKUP = SymbolLookup.loaderLookup()
            .or(Linker.nativeLinker().defaultLookup());

    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, JAVA_BYTE));

    /** {@code enum llama_flash_attn_type} */
    public static final int LLAMA_FLASH_ATTN_TYPE_AUTO = -1;
    public static final int LLAMA_FLASH_ATTN_TYPE_DISABLED = 0;
    public static final int LLAMA_FLASH_ATTN_TYPE_ENABLED = 1;

    /** {@code enum ggml_log_level} */
    public static final int GGML_LOG_LEVEL_NONE = 0;
    public static final int GGML_LOG_LEVEL_DEBUG = 1;
    public static final int GGML_LOG_LEVEL_INFO = 2;
    public static final int GGML_LOG_LEVEL_WARN = 3;
    public static final int GGML_LOG_LEVEL_ERROR = 4;
    public static final int GGML_LOG_LEVEL_CONT = 5;

    /** {@code enum ggml_type} values the project sets for the KV cache. */
    public static final int GGML_TYPE_F32 = 0;
    public static final int GGML_TYPE_F16 = 1;
    public static final int GGML_TYPE_Q8_0 = 8;
    public static final int GGML_TYPE_BF16 = 30;

    private static class llama_backend_init {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid();

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_backend_init");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void llama_backend_init(void)
     * }
     */
    public static FunctionDescriptor llama_backend_init$descriptor() {
        return llama_backend_init.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void llama_backend_init(void)
     * }
     */
    public static MethodHandle llama_backend_init$handle() {
        return llama_backend_init.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void llama_backend_init(void)
     * }
     */
    public static MemorySegment llama_backend_init$address() {
        return llama_backend_init.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void llama_backend_init(void)
     * }
     */
    public static void llama_backend_init() {
        var mh$ = llama_backend_init.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_backend_init");
            }
            mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_log_set {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_log_set");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void llama_log_set(ggml_log_callback log_callback, void *user_data)
     * }
     */
    public static FunctionDescriptor llama_log_set$descriptor() {
        return llama_log_set.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void llama_log_set(ggml_log_callback log_callback, void *user_data)
     * }
     */
    public static MethodHandle llama_log_set$handle() {
        return llama_log_set.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void llama_log_set(ggml_log_callback log_callback, void *user_data)
     * }
     */
    public static MemorySegment llama_log_set$address() {
        return llama_log_set.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void llama_log_set(ggml_log_callback log_callback, void *user_data)
     * }
     */
    public static void llama_log_set(MemorySegment log_callback, MemorySegment user_data) {
        var mh$ = llama_log_set.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_log_set", log_callback, user_data);
            }
            mh$.invokeExact(log_callback, user_data);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_model_default_params {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_model_params.layout());

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_model_default_params");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct llama_model_params llama_model_default_params(void)
     * }
     */
    public static FunctionDescriptor llama_model_default_params$descriptor() {
        return llama_model_default_params.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct llama_model_params llama_model_default_params(void)
     * }
     */
    public static MethodHandle llama_model_default_params$handle() {
        return llama_model_default_params.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct llama_model_params llama_model_default_params(void)
     * }
     */
    public static MemorySegment llama_model_default_params$address() {
        return llama_model_default_params.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct llama_model_params llama_model_default_params(void)
     * }
     */
    public static MemorySegment llama_model_default_params(SegmentAllocator allocator) {
        var mh$ = llama_model_default_params.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_model_default_params", allocator);
            }
            return (MemorySegment) mh$.invokeExact(allocator);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_context_default_params {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_context_params.layout());

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_context_default_params");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct llama_context_params llama_context_default_params(void)
     * }
     */
    public static FunctionDescriptor llama_context_default_params$descriptor() {
        return llama_context_default_params.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct llama_context_params llama_context_default_params(void)
     * }
     */
    public static MethodHandle llama_context_default_params$handle() {
        return llama_context_default_params.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct llama_context_params llama_context_default_params(void)
     * }
     */
    public static MemorySegment llama_context_default_params$address() {
        return llama_context_default_params.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct llama_context_params llama_context_default_params(void)
     * }
     */
    public static MemorySegment llama_context_default_params(SegmentAllocator allocator) {
        var mh$ = llama_context_default_params.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_context_default_params", allocator);
            }
            return (MemorySegment) mh$.invokeExact(allocator);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_model_load_from_file {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER, llama_h.C_POINTER, llama_model_params.layout());

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_model_load_from_file");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct llama_model *llama_model_load_from_file(const char *path_model, struct llama_model_params params)
     * }
     */
    public static FunctionDescriptor llama_model_load_from_file$descriptor() {
        return llama_model_load_from_file.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct llama_model *llama_model_load_from_file(const char *path_model, struct llama_model_params params)
     * }
     */
    public static MethodHandle llama_model_load_from_file$handle() {
        return llama_model_load_from_file.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct llama_model *llama_model_load_from_file(const char *path_model, struct llama_model_params params)
     * }
     */
    public static MemorySegment llama_model_load_from_file$address() {
        return llama_model_load_from_file.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct llama_model *llama_model_load_from_file(const char *path_model, struct llama_model_params params)
     * }
     */
    public static MemorySegment llama_model_load_from_file(MemorySegment path_model, MemorySegment params) {
        var mh$ = llama_model_load_from_file.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_model_load_from_file", path_model, params);
            }
            return (MemorySegment) mh$.invokeExact(path_model, params);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_model_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_model_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void llama_model_free(struct llama_model *model)
     * }
     */
    public static FunctionDescriptor llama_model_free$descriptor() {
        return llama_model_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void llama_model_free(struct llama_model *model)
     * }
     */
    public static MethodHandle llama_model_free$handle() {
        return llama_model_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void llama_model_free(struct llama_model *model)
     * }
     */
    public static MemorySegment llama_model_free$address() {
        return llama_model_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void llama_model_free(struct llama_model *model)
     * }
     */
    public static void llama_model_free(MemorySegment model) {
        var mh$ = llama_model_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_model_free", model);
            }
            mh$.invokeExact(model);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_init_from_model {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER, llama_h.C_POINTER, llama_context_params.layout());

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_init_from_model");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct llama_context *llama_init_from_model(struct llama_model *model, struct llama_context_params params)
     * }
     */
    public static FunctionDescriptor llama_init_from_model$descriptor() {
        return llama_init_from_model.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct llama_context *llama_init_from_model(struct llama_model *model, struct llama_context_params params)
     * }
     */
    public static MethodHandle llama_init_from_model$handle() {
        return llama_init_from_model.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct llama_context *llama_init_from_model(struct llama_model *model, struct llama_context_params params)
     * }
     */
    public static MemorySegment llama_init_from_model$address() {
        return llama_init_from_model.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct llama_context *llama_init_from_model(struct llama_model *model, struct llama_context_params params)
     * }
     */
    public static MemorySegment llama_init_from_model(MemorySegment model, MemorySegment params) {
        var mh$ = llama_init_from_model.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_init_from_model", model, params);
            }
            return (MemorySegment) mh$.invokeExact(model, params);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void llama_free(struct llama_context *ctx)
     * }
     */
    public static FunctionDescriptor llama_free$descriptor() {
        return llama_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void llama_free(struct llama_context *ctx)
     * }
     */
    public static MethodHandle llama_free$handle() {
        return llama_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void llama_free(struct llama_context *ctx)
     * }
     */
    public static MemorySegment llama_free$address() {
        return llama_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void llama_free(struct llama_context *ctx)
     * }
     */
    public static void llama_free(MemorySegment ctx) {
        var mh$ = llama_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_free", ctx);
            }
            mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_model_get_vocab {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_model_get_vocab");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const struct llama_vocab *llama_model_get_vocab(const struct llama_model *model)
     * }
     */
    public static FunctionDescriptor llama_model_get_vocab$descriptor() {
        return llama_model_get_vocab.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const struct llama_vocab *llama_model_get_vocab(const struct llama_model *model)
     * }
     */
    public static MethodHandle llama_model_get_vocab$handle() {
        return llama_model_get_vocab.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const struct llama_vocab *llama_model_get_vocab(const struct llama_model *model)
     * }
     */
    public static MemorySegment llama_model_get_vocab$address() {
        return llama_model_get_vocab.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const struct llama_vocab *llama_model_get_vocab(const struct llama_model *model)
     * }
     */
    public static MemorySegment llama_model_get_vocab(MemorySegment model) {
        var mh$ = llama_model_get_vocab.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_model_get_vocab", model);
            }
            return (MemorySegment) mh$.invokeExact(model);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_model_desc {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_LONG);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_model_desc");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t llama_model_desc(const struct llama_model *model, char *buf, size_t buf_size)
     * }
     */
    public static FunctionDescriptor llama_model_desc$descriptor() {
        return llama_model_desc.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t llama_model_desc(const struct llama_model *model, char *buf, size_t buf_size)
     * }
     */
    public static MethodHandle llama_model_desc$handle() {
        return llama_model_desc.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t llama_model_desc(const struct llama_model *model, char *buf, size_t buf_size)
     * }
     */
    public static MemorySegment llama_model_desc$address() {
        return llama_model_desc.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t llama_model_desc(const struct llama_model *model, char *buf, size_t buf_size)
     * }
     */
    public static int llama_model_desc(MemorySegment model, MemorySegment buf, long buf_size) {
        var mh$ = llama_model_desc.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_model_desc", model, buf, buf_size);
            }
            return (int) mh$.invokeExact(model, buf, buf_size);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_model_meta_val_str {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_LONG);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_model_meta_val_str");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t llama_model_meta_val_str(const struct llama_model *model, const char *key, char *buf, size_t buf_size)
     * }
     */
    public static FunctionDescriptor llama_model_meta_val_str$descriptor() {
        return llama_model_meta_val_str.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t llama_model_meta_val_str(const struct llama_model *model, const char *key, char *buf, size_t buf_size)
     * }
     */
    public static MethodHandle llama_model_meta_val_str$handle() {
        return llama_model_meta_val_str.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t llama_model_meta_val_str(const struct llama_model *model, const char *key, char *buf, size_t buf_size)
     * }
     */
    public static MemorySegment llama_model_meta_val_str$address() {
        return llama_model_meta_val_str.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t llama_model_meta_val_str(const struct llama_model *model, const char *key, char *buf, size_t buf_size)
     * }
     */
    public static int llama_model_meta_val_str(MemorySegment model, MemorySegment key, MemorySegment buf, long buf_size) {
        var mh$ = llama_model_meta_val_str.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_model_meta_val_str", model, key, buf, buf_size);
            }
            return (int) mh$.invokeExact(model, key, buf, buf_size);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_vocab_n_tokens {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_vocab_n_tokens");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t llama_vocab_n_tokens(const struct llama_vocab *vocab)
     * }
     */
    public static FunctionDescriptor llama_vocab_n_tokens$descriptor() {
        return llama_vocab_n_tokens.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t llama_vocab_n_tokens(const struct llama_vocab *vocab)
     * }
     */
    public static MethodHandle llama_vocab_n_tokens$handle() {
        return llama_vocab_n_tokens.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t llama_vocab_n_tokens(const struct llama_vocab *vocab)
     * }
     */
    public static MemorySegment llama_vocab_n_tokens$address() {
        return llama_vocab_n_tokens.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t llama_vocab_n_tokens(const struct llama_vocab *vocab)
     * }
     */
    public static int llama_vocab_n_tokens(MemorySegment vocab) {
        var mh$ = llama_vocab_n_tokens.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_vocab_n_tokens", vocab);
            }
            return (int) mh$.invokeExact(vocab);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_vocab_is_eog {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_BOOL, llama_h.C_POINTER, llama_h.C_INT);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_vocab_is_eog");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * bool llama_vocab_is_eog(const struct llama_vocab *vocab, llama_token token)
     * }
     */
    public static FunctionDescriptor llama_vocab_is_eog$descriptor() {
        return llama_vocab_is_eog.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * bool llama_vocab_is_eog(const struct llama_vocab *vocab, llama_token token)
     * }
     */
    public static MethodHandle llama_vocab_is_eog$handle() {
        return llama_vocab_is_eog.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * bool llama_vocab_is_eog(const struct llama_vocab *vocab, llama_token token)
     * }
     */
    public static MemorySegment llama_vocab_is_eog$address() {
        return llama_vocab_is_eog.ADDR;
    }

    /**
     * {@snippet lang=c :
     * bool llama_vocab_is_eog(const struct llama_vocab *vocab, llama_token token)
     * }
     */
    public static boolean llama_vocab_is_eog(MemorySegment vocab, int token) {
        var mh$ = llama_vocab_is_eog.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_vocab_is_eog", vocab, token);
            }
            return (boolean) mh$.invokeExact(vocab, token);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_vocab_get_add_bos {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_BOOL, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_vocab_get_add_bos");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * bool llama_vocab_get_add_bos(const struct llama_vocab *vocab)
     * }
     */
    public static FunctionDescriptor llama_vocab_get_add_bos$descriptor() {
        return llama_vocab_get_add_bos.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * bool llama_vocab_get_add_bos(const struct llama_vocab *vocab)
     * }
     */
    public static MethodHandle llama_vocab_get_add_bos$handle() {
        return llama_vocab_get_add_bos.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * bool llama_vocab_get_add_bos(const struct llama_vocab *vocab)
     * }
     */
    public static MemorySegment llama_vocab_get_add_bos$address() {
        return llama_vocab_get_add_bos.ADDR;
    }

    /**
     * {@snippet lang=c :
     * bool llama_vocab_get_add_bos(const struct llama_vocab *vocab)
     * }
     */
    public static boolean llama_vocab_get_add_bos(MemorySegment vocab) {
        var mh$ = llama_vocab_get_add_bos.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_vocab_get_add_bos", vocab);
            }
            return (boolean) mh$.invokeExact(vocab);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_tokenize {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_INT, llama_h.C_POINTER, llama_h.C_INT, llama_h.C_BOOL, llama_h.C_BOOL);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_tokenize");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t llama_tokenize(const struct llama_vocab *vocab, const char *text, int32_t text_len, llama_token *tokens, int32_t n_tokens_max, bool add_special, bool parse_special)
     * }
     */
    public static FunctionDescriptor llama_tokenize$descriptor() {
        return llama_tokenize.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t llama_tokenize(const struct llama_vocab *vocab, const char *text, int32_t text_len, llama_token *tokens, int32_t n_tokens_max, bool add_special, bool parse_special)
     * }
     */
    public static MethodHandle llama_tokenize$handle() {
        return llama_tokenize.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t llama_tokenize(const struct llama_vocab *vocab, const char *text, int32_t text_len, llama_token *tokens, int32_t n_tokens_max, bool add_special, bool parse_special)
     * }
     */
    public static MemorySegment llama_tokenize$address() {
        return llama_tokenize.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t llama_tokenize(const struct llama_vocab *vocab, const char *text, int32_t text_len, llama_token *tokens, int32_t n_tokens_max, bool add_special, bool parse_special)
     * }
     */
    public static int llama_tokenize(MemorySegment vocab, MemorySegment text, int text_len, MemorySegment tokens, int n_tokens_max, boolean add_special, boolean parse_special) {
        var mh$ = llama_tokenize.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_tokenize", vocab, text, text_len, tokens, n_tokens_max, add_special, parse_special);
            }
            return (int) mh$.invokeExact(vocab, text, text_len, tokens, n_tokens_max, add_special, parse_special);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_token_to_piece {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER, llama_h.C_INT, llama_h.C_POINTER, llama_h.C_INT, llama_h.C_INT, llama_h.C_BOOL);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_token_to_piece");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t llama_token_to_piece(const struct llama_vocab *vocab, llama_token token, char *buf, int32_t length, int32_t lstrip, bool special)
     * }
     */
    public static FunctionDescriptor llama_token_to_piece$descriptor() {
        return llama_token_to_piece.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t llama_token_to_piece(const struct llama_vocab *vocab, llama_token token, char *buf, int32_t length, int32_t lstrip, bool special)
     * }
     */
    public static MethodHandle llama_token_to_piece$handle() {
        return llama_token_to_piece.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t llama_token_to_piece(const struct llama_vocab *vocab, llama_token token, char *buf, int32_t length, int32_t lstrip, bool special)
     * }
     */
    public static MemorySegment llama_token_to_piece$address() {
        return llama_token_to_piece.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t llama_token_to_piece(const struct llama_vocab *vocab, llama_token token, char *buf, int32_t length, int32_t lstrip, bool special)
     * }
     */
    public static int llama_token_to_piece(MemorySegment vocab, int token, MemorySegment buf, int length, int lstrip, boolean special) {
        var mh$ = llama_token_to_piece.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_token_to_piece", vocab, token, buf, length, lstrip, special);
            }
            return (int) mh$.invokeExact(vocab, token, buf, length, lstrip, special);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_batch_get_one {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_batch.layout(), llama_h.C_POINTER, llama_h.C_INT);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_batch_get_one");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct llama_batch llama_batch_get_one(llama_token *tokens, int32_t n_tokens)
     * }
     */
    public static FunctionDescriptor llama_batch_get_one$descriptor() {
        return llama_batch_get_one.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct llama_batch llama_batch_get_one(llama_token *tokens, int32_t n_tokens)
     * }
     */
    public static MethodHandle llama_batch_get_one$handle() {
        return llama_batch_get_one.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct llama_batch llama_batch_get_one(llama_token *tokens, int32_t n_tokens)
     * }
     */
    public static MemorySegment llama_batch_get_one$address() {
        return llama_batch_get_one.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct llama_batch llama_batch_get_one(llama_token *tokens, int32_t n_tokens)
     * }
     */
    public static MemorySegment llama_batch_get_one(SegmentAllocator allocator, MemorySegment tokens, int n_tokens) {
        var mh$ = llama_batch_get_one.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_batch_get_one", allocator, tokens, n_tokens);
            }
            return (MemorySegment) mh$.invokeExact(allocator, tokens, n_tokens);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_decode {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER, llama_batch.layout());

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_decode");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * int32_t llama_decode(struct llama_context *ctx, struct llama_batch batch)
     * }
     */
    public static FunctionDescriptor llama_decode$descriptor() {
        return llama_decode.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * int32_t llama_decode(struct llama_context *ctx, struct llama_batch batch)
     * }
     */
    public static MethodHandle llama_decode$handle() {
        return llama_decode.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * int32_t llama_decode(struct llama_context *ctx, struct llama_batch batch)
     * }
     */
    public static MemorySegment llama_decode$address() {
        return llama_decode.ADDR;
    }

    /**
     * {@snippet lang=c :
     * int32_t llama_decode(struct llama_context *ctx, struct llama_batch batch)
     * }
     */
    public static int llama_decode(MemorySegment ctx, MemorySegment batch) {
        var mh$ = llama_decode.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_decode", ctx, batch);
            }
            return (int) mh$.invokeExact(ctx, batch);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_get_logits_ith {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_INT);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_get_logits_ith");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * float *llama_get_logits_ith(struct llama_context *ctx, int32_t i)
     * }
     */
    public static FunctionDescriptor llama_get_logits_ith$descriptor() {
        return llama_get_logits_ith.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * float *llama_get_logits_ith(struct llama_context *ctx, int32_t i)
     * }
     */
    public static MethodHandle llama_get_logits_ith$handle() {
        return llama_get_logits_ith.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * float *llama_get_logits_ith(struct llama_context *ctx, int32_t i)
     * }
     */
    public static MemorySegment llama_get_logits_ith$address() {
        return llama_get_logits_ith.ADDR;
    }

    /**
     * {@snippet lang=c :
     * float *llama_get_logits_ith(struct llama_context *ctx, int32_t i)
     * }
     */
    public static MemorySegment llama_get_logits_ith(MemorySegment ctx, int i) {
        var mh$ = llama_get_logits_ith.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_get_logits_ith", ctx, i);
            }
            return (MemorySegment) mh$.invokeExact(ctx, i);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_get_memory {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_get_memory");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * llama_memory_t llama_get_memory(const struct llama_context *ctx)
     * }
     */
    public static FunctionDescriptor llama_get_memory$descriptor() {
        return llama_get_memory.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * llama_memory_t llama_get_memory(const struct llama_context *ctx)
     * }
     */
    public static MethodHandle llama_get_memory$handle() {
        return llama_get_memory.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * llama_memory_t llama_get_memory(const struct llama_context *ctx)
     * }
     */
    public static MemorySegment llama_get_memory$address() {
        return llama_get_memory.ADDR;
    }

    /**
     * {@snippet lang=c :
     * llama_memory_t llama_get_memory(const struct llama_context *ctx)
     * }
     */
    public static MemorySegment llama_get_memory(MemorySegment ctx) {
        var mh$ = llama_get_memory.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_get_memory", ctx);
            }
            return (MemorySegment) mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_memory_clear {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER, llama_h.C_BOOL);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_memory_clear");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void llama_memory_clear(llama_memory_t mem, bool data)
     * }
     */
    public static FunctionDescriptor llama_memory_clear$descriptor() {
        return llama_memory_clear.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void llama_memory_clear(llama_memory_t mem, bool data)
     * }
     */
    public static MethodHandle llama_memory_clear$handle() {
        return llama_memory_clear.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void llama_memory_clear(llama_memory_t mem, bool data)
     * }
     */
    public static MemorySegment llama_memory_clear$address() {
        return llama_memory_clear.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void llama_memory_clear(llama_memory_t mem, bool data)
     * }
     */
    public static void llama_memory_clear(MemorySegment mem, boolean data) {
        var mh$ = llama_memory_clear.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_memory_clear", mem, data);
            }
            mh$.invokeExact(mem, data);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_n_ctx {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_n_ctx");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint32_t llama_n_ctx(const struct llama_context *ctx)
     * }
     */
    public static FunctionDescriptor llama_n_ctx$descriptor() {
        return llama_n_ctx.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint32_t llama_n_ctx(const struct llama_context *ctx)
     * }
     */
    public static MethodHandle llama_n_ctx$handle() {
        return llama_n_ctx.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint32_t llama_n_ctx(const struct llama_context *ctx)
     * }
     */
    public static MemorySegment llama_n_ctx$address() {
        return llama_n_ctx.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint32_t llama_n_ctx(const struct llama_context *ctx)
     * }
     */
    public static int llama_n_ctx(MemorySegment ctx) {
        var mh$ = llama_n_ctx.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_n_ctx", ctx);
            }
            return (int) mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_n_batch {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_n_batch");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint32_t llama_n_batch(const struct llama_context *ctx)
     * }
     */
    public static FunctionDescriptor llama_n_batch$descriptor() {
        return llama_n_batch.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint32_t llama_n_batch(const struct llama_context *ctx)
     * }
     */
    public static MethodHandle llama_n_batch$handle() {
        return llama_n_batch.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint32_t llama_n_batch(const struct llama_context *ctx)
     * }
     */
    public static MemorySegment llama_n_batch$address() {
        return llama_n_batch.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint32_t llama_n_batch(const struct llama_context *ctx)
     * }
     */
    public static int llama_n_batch(MemorySegment ctx) {
        var mh$ = llama_n_batch.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_n_batch", ctx);
            }
            return (int) mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_n_ubatch {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_n_ubatch");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * uint32_t llama_n_ubatch(const struct llama_context *ctx)
     * }
     */
    public static FunctionDescriptor llama_n_ubatch$descriptor() {
        return llama_n_ubatch.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * uint32_t llama_n_ubatch(const struct llama_context *ctx)
     * }
     */
    public static MethodHandle llama_n_ubatch$handle() {
        return llama_n_ubatch.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * uint32_t llama_n_ubatch(const struct llama_context *ctx)
     * }
     */
    public static MemorySegment llama_n_ubatch$address() {
        return llama_n_ubatch.ADDR;
    }

    /**
     * {@snippet lang=c :
     * uint32_t llama_n_ubatch(const struct llama_context *ctx)
     * }
     */
    public static int llama_n_ubatch(MemorySegment ctx) {
        var mh$ = llama_n_ubatch.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_n_ubatch", ctx);
            }
            return (int) mh$.invokeExact(ctx);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_sampler_init_greedy {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_sampler_init_greedy");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * struct llama_sampler *llama_sampler_init_greedy(void)
     * }
     */
    public static FunctionDescriptor llama_sampler_init_greedy$descriptor() {
        return llama_sampler_init_greedy.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * struct llama_sampler *llama_sampler_init_greedy(void)
     * }
     */
    public static MethodHandle llama_sampler_init_greedy$handle() {
        return llama_sampler_init_greedy.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * struct llama_sampler *llama_sampler_init_greedy(void)
     * }
     */
    public static MemorySegment llama_sampler_init_greedy$address() {
        return llama_sampler_init_greedy.ADDR;
    }

    /**
     * {@snippet lang=c :
     * struct llama_sampler *llama_sampler_init_greedy(void)
     * }
     */
    public static MemorySegment llama_sampler_init_greedy() {
        var mh$ = llama_sampler_init_greedy.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_sampler_init_greedy");
            }
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_sampler_sample {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_INT, llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_INT);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_sampler_sample");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * llama_token llama_sampler_sample(struct llama_sampler *smpl, struct llama_context *ctx, int32_t idx)
     * }
     */
    public static FunctionDescriptor llama_sampler_sample$descriptor() {
        return llama_sampler_sample.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * llama_token llama_sampler_sample(struct llama_sampler *smpl, struct llama_context *ctx, int32_t idx)
     * }
     */
    public static MethodHandle llama_sampler_sample$handle() {
        return llama_sampler_sample.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * llama_token llama_sampler_sample(struct llama_sampler *smpl, struct llama_context *ctx, int32_t idx)
     * }
     */
    public static MemorySegment llama_sampler_sample$address() {
        return llama_sampler_sample.ADDR;
    }

    /**
     * {@snippet lang=c :
     * llama_token llama_sampler_sample(struct llama_sampler *smpl, struct llama_context *ctx, int32_t idx)
     * }
     */
    public static int llama_sampler_sample(MemorySegment smpl, MemorySegment ctx, int idx) {
        var mh$ = llama_sampler_sample.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_sampler_sample", smpl, ctx, idx);
            }
            return (int) mh$.invokeExact(smpl, ctx, idx);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_sampler_free {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_sampler_free");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void llama_sampler_free(struct llama_sampler *smpl)
     * }
     */
    public static FunctionDescriptor llama_sampler_free$descriptor() {
        return llama_sampler_free.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void llama_sampler_free(struct llama_sampler *smpl)
     * }
     */
    public static MethodHandle llama_sampler_free$handle() {
        return llama_sampler_free.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void llama_sampler_free(struct llama_sampler *smpl)
     * }
     */
    public static MemorySegment llama_sampler_free$address() {
        return llama_sampler_free.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void llama_sampler_free(struct llama_sampler *smpl)
     * }
     */
    public static void llama_sampler_free(MemorySegment smpl) {
        var mh$ = llama_sampler_free.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_sampler_free", smpl);
            }
            mh$.invokeExact(smpl);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class llama_print_system_info {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("llama_print_system_info");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * const char *llama_print_system_info(void)
     * }
     */
    public static FunctionDescriptor llama_print_system_info$descriptor() {
        return llama_print_system_info.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * const char *llama_print_system_info(void)
     * }
     */
    public static MethodHandle llama_print_system_info$handle() {
        return llama_print_system_info.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * const char *llama_print_system_info(void)
     * }
     */
    public static MemorySegment llama_print_system_info$address() {
        return llama_print_system_info.ADDR;
    }

    /**
     * {@snippet lang=c :
     * const char *llama_print_system_info(void)
     * }
     */
    public static MemorySegment llama_print_system_info() {
        var mh$ = llama_print_system_info.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("llama_print_system_info");
            }
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class ggml_backend_load {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(llama_h.C_POINTER, llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("ggml_backend_load");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * ggml_backend_reg_t ggml_backend_load(const char *path)
     * }
     */
    public static FunctionDescriptor ggml_backend_load$descriptor() {
        return ggml_backend_load.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * ggml_backend_reg_t ggml_backend_load(const char *path)
     * }
     */
    public static MethodHandle ggml_backend_load$handle() {
        return ggml_backend_load.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * ggml_backend_reg_t ggml_backend_load(const char *path)
     * }
     */
    public static MemorySegment ggml_backend_load$address() {
        return ggml_backend_load.ADDR;
    }

    /**
     * {@snippet lang=c :
     * ggml_backend_reg_t ggml_backend_load(const char *path)
     * }
     */
    public static MemorySegment ggml_backend_load(MemorySegment path) {
        var mh$ = ggml_backend_load.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("ggml_backend_load", path);
            }
            return (MemorySegment) mh$.invokeExact(path);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class ggml_backend_load_all_from_path {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER);

        public static final MemorySegment ADDR = llama_h.findOrThrow("ggml_backend_load_all_from_path");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void ggml_backend_load_all_from_path(const char *dir_path)
     * }
     */
    public static FunctionDescriptor ggml_backend_load_all_from_path$descriptor() {
        return ggml_backend_load_all_from_path.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void ggml_backend_load_all_from_path(const char *dir_path)
     * }
     */
    public static MethodHandle ggml_backend_load_all_from_path$handle() {
        return ggml_backend_load_all_from_path.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void ggml_backend_load_all_from_path(const char *dir_path)
     * }
     */
    public static MemorySegment ggml_backend_load_all_from_path$address() {
        return ggml_backend_load_all_from_path.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void ggml_backend_load_all_from_path(const char *dir_path)
     * }
     */
    public static void ggml_backend_load_all_from_path(MemorySegment dir_path) {
        var mh$ = ggml_backend_load_all_from_path.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("ggml_backend_load_all_from_path", dir_path);
            }
            mh$.invokeExact(dir_path);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }

    private static class ggml_backend_tensor_get {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(llama_h.C_POINTER, llama_h.C_POINTER, llama_h.C_LONG, llama_h.C_LONG);

        public static final MemorySegment ADDR = llama_h.findOrThrow("ggml_backend_tensor_get");

        public static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(ADDR, DESC);
    }

    /**
     * Function descriptor for:
     * {@snippet lang=c :
     * void ggml_backend_tensor_get(const struct ggml_tensor *tensor, void *data, size_t offset, size_t size)
     * }
     */
    public static FunctionDescriptor ggml_backend_tensor_get$descriptor() {
        return ggml_backend_tensor_get.DESC;
    }

    /**
     * Downcall method handle for:
     * {@snippet lang=c :
     * void ggml_backend_tensor_get(const struct ggml_tensor *tensor, void *data, size_t offset, size_t size)
     * }
     */
    public static MethodHandle ggml_backend_tensor_get$handle() {
        return ggml_backend_tensor_get.HANDLE;
    }

    /**
     * Address for:
     * {@snippet lang=c :
     * void ggml_backend_tensor_get(const struct ggml_tensor *tensor, void *data, size_t offset, size_t size)
     * }
     */
    public static MemorySegment ggml_backend_tensor_get$address() {
        return ggml_backend_tensor_get.ADDR;
    }

    /**
     * {@snippet lang=c :
     * void ggml_backend_tensor_get(const struct ggml_tensor *tensor, void *data, size_t offset, size_t size)
     * }
     */
    public static void ggml_backend_tensor_get(MemorySegment tensor, MemorySegment data, long offset, long size) {
        var mh$ = ggml_backend_tensor_get.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("ggml_backend_tensor_get", tensor, data, offset, size);
            }
            mh$.invokeExact(tensor, data, offset, size);
        } catch (Error | RuntimeException ex) {
           throw ex;
        } catch (Throwable ex$) {
           throw new AssertionError("should not reach here", ex$);
        }
    }
}
