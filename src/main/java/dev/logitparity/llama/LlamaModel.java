package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.ModelFingerprint;
import dev.logitparity.llama.ffi.llama_h;
import dev.logitparity.llama.ffi.llama_model_params;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A loaded GGUF. Owns its native handle; closing it closes the contexts made from it first. */
public final class LlamaModel implements AutoCloseable {

    private final LlamaLibrary library;
    private final Path path;
    private final ModelSettings settings;
    private final MemorySegment handle;
    private final Vocab vocab;
    private final Optional<KvCacheShape> kvCacheShape;
    private final List<LlamaContext> contexts = new ArrayList<>();
    private String sha256;
    private boolean closed;

    private LlamaModel(LlamaLibrary library, Path path, ModelSettings settings, MemorySegment handle,
                       Optional<KvCacheShape> kvCacheShape) {
        this.library = library;
        this.path = path;
        this.settings = settings;
        this.handle = handle;
        this.kvCacheShape = kvCacheShape;
        this.vocab = new Vocab(this, llama_h.llama_model_get_vocab(handle));
    }

    static LlamaModel load(LlamaLibrary library, Path path, ModelSettings settings) {
        Optional<KvCacheShape> kvCacheShape = precheck(path);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = llama_h.llama_model_default_params(arena);
            llama_model_params.n_gpu_layers(params, 0);
            llama_model_params.use_extra_bufts(params, settings.repack());
            library.log().clearErrors();
            library.abort().opened(path);
            MemorySegment handle = llama_h.llama_model_load_from_file(arena.allocateFrom(path.toString()), params);
            if (handle.equals(MemorySegment.NULL)) {
                library.abort().closed(path);
                throw new BadInputException(path + ": llama.cpp could not load it: " + library.log().firstError());
            }
            return new LlamaModel(library, path, settings, handle, kvCacheShape);
        }
    }

    public Path path() {
        return path;
    }

    /** Lower-case hex sha256 of the file, computed once on first use (hundreds of MB for a real model). */
    public synchronized String sha256() {
        if (sha256 == null) {
            sha256 = ModelFingerprint.of(path).sha256();
        }
        return sha256;
    }

    /** The KV cache's size per token, where the GGUF says it. */
    Optional<KvCacheShape> kvCacheShape() {
        return kvCacheShape;
    }

    public ModelSettings settings() {
        return settings;
    }

    public LlamaLibrary library() {
        return library;
    }

    public Vocab vocab() {
        handle();
        return vocab;
    }

    /** {@code general.architecture}, e.g. llama, qwen2, gpt2. */
    public String architecture() {
        return metadata("general.architecture").orElse("unknown");
    }

    /** {@code <architecture>.context_length}: the context the model was trained for, when the GGUF says. */
    public OptionalInt trainedContext() {
        return metadata(architecture() + ".context_length").map(Integer::parseInt)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** A GGUF metadata value rendered as text by llama.cpp. */
    public synchronized Optional<String> metadata(String key) {
        try (Arena arena = Arena.ofConfined()) {
            return NativeStrings.read(arena, (buf, size) ->
                    llama_h.llama_model_meta_val_str(handle(), arena.allocateFrom(key), buf, size));
        }
    }

    /** llama.cpp's one-line description, e.g. {@code qwen2 1B Q8_0}. */
    public synchronized String description() {
        try (Arena arena = Arena.ofConfined()) {
            return NativeStrings.read(arena, (buf, size) -> llama_h.llama_model_desc(handle(), buf, size)).orElse("");
        }
    }

    public LlamaContext newContext(ContextSettings contextSettings) {
        return register(LlamaContext.create(this, contextSettings, false));
    }

    /** A context that can show its named intermediates ({@link LlamaContext#tap}): for layer-level localisation. */
    public LlamaContext newTappedContext(ContextSettings contextSettings) {
        return register(LlamaContext.create(this, contextSettings, true));
    }

    private synchronized LlamaContext register(LlamaContext context) {
        contexts.add(context);
        return context;
    }

    synchronized void forget(LlamaContext context) {
        contexts.remove(context);
    }

    synchronized MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException(path + ": model is closed");
        }
        return handle;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        for (LlamaContext context : List.copyOf(contexts)) {
            context.close();
        }
        closed = true;
        llama_h.llama_model_free(handle);
        library.abort().closed(path);
    }

    /**
     * Validates the whole GGUF structure in Java first: llama.cpp rejects most broken files politely, but some
     * inconsistencies reach a GGML_ASSERT, which aborts the JVM.
     */
    private static Optional<KvCacheShape> precheck(Path path) {
        if (!Files.exists(path)) {
            throw new BadInputException(path + ": model file does not exist");
        }
        // opening checks magic, version, metadata, tensor table and that all tensor data lies inside the file
        try (GgufFile gguf = GgufFile.open(path)) {
            if (!"off".equals(System.getProperty(LoadPrecheck.SWITCH))) {
                LoadPrecheck.check(gguf);
            }
            return KvCacheShape.of(gguf);
        }
    }
}
