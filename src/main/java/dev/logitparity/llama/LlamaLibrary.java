package dev.logitparity.llama;

import dev.logitparity.BadInputException;
import dev.logitparity.files.TemporaryFiles;
import dev.logitparity.llama.ffi.llama_h;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one libllama of this JVM: loads the pinned shared libraries once, checks they match the bindings, loads ggml's
 * CPU backend (the automatic pick or a pinned variant), and routes llama's log to the JVM logger.
 */
public final class LlamaLibrary {

    /** What the bindings were generated from; recorded in every trace. */
    public static final String VERSION = "llama.cpp v0.4.0 (@node-llama-cpp/linux-x64@3.21.1)";

    // Only the soname-versioned files are loaded: loading libggml.so beside libggml.v0.4.0.so would create a second
    // ggml backend registry in the same process.
    private static final List<List<String>> LIBRARIES = List.of(
            List.of("libggml-base.so"),
            List.of("libggml.v0.4.0.so", "libggml.so"),
            List.of("libllama.v0.4.0.so", "libllama.so"));

    /** Both ways to name the folder: the CLI and scripts use the variable, a JUnit suite's Surefire the property. */
    private static final String WHERE = LibrarySettings.DIR_ENV + " or -D" + LibrarySettings.DIR_PROPERTY;

    private static LlamaLibrary loaded;
    // Installed once per process even when loading fails after them (a bad --cpu) and is retried: llama and ggml
    // keep one callback each, and an upcall stub must outlive every call.
    private static NativeLog log;
    private static NativeAbort abort;

    private final LibrarySettings settings;
    private final String cpuBackend;

    private LlamaLibrary(LibrarySettings settings, String cpuBackend) {
        this.settings = settings;
        this.cpuBackend = cpuBackend;
    }

    /** The library named by {@code logitparity.lib} / {@code LOGIT_PARITY_LIB}, or {@code native/lib}. */
    public static LlamaLibrary load() {
        return load(LibrarySettings.fromEnvironment());
    }

    /**
     * Loads the library once per JVM. A second call with other settings is refused: ggml's backend registry and
     * libllama's globals cannot be swapped within a process.
     */
    public static synchronized LlamaLibrary load(LibrarySettings settings) {
        if (loaded != null) {
            if (!loaded.settings.equals(settings)) {
                throw new IllegalStateException("libllama is already loaded from " + loaded.settings
                        + "; " + settings + " needs a separate JVM");
            }
            return loaded;
        }
        NativeAccessCheck.require();
        for (List<String> candidates : LIBRARIES) {
            System.load(locate(settings.dir(), candidates).toString());
        }
        AbiCheck.verify(settings.dir());
        if (log == null) {
            log = new NativeLog();
            log.install();
            abort = new NativeAbort(TemporaryFiles::deleteAll);
            abort.install();
        }
        String cpu = loadCpuBackend(settings);
        llama_h.llama_backend_init();
        loaded = new LlamaLibrary(settings, cpu);
        return loaded;
    }

    /** What a trace records as its library: the bindings' release and the folder the library came from. */
    public String description() {
        return VERSION + ", libllama from " + settings.dir();
    }

    public LibrarySettings settings() {
        return settings;
    }

    /** The ggml CPU kernel file in use, e.g. {@code libggml-cpu-haswell.so}: variants round differently. */
    public String cpuBackend() {
        return cpuBackend;
    }

    /** llama's own summary of the CPU features it uses (AVX2, AVX512, AMX, ...). */
    public String systemInfo() {
        return llama_h.llama_print_system_info().reinterpret(Long.MAX_VALUE).getString(0).strip();
    }

    public LlamaModel loadModel(Path gguf, ModelSettings modelSettings) {
        return LlamaModel.load(this, gguf, modelSettings);
    }

    NativeLog log() {
        return log;
    }

    NativeAbort abort() {
        return abort;
    }

    private static Path locate(Path dir, List<String> candidates) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": libllama folder does not exist (run `make native`, or set "
                    + WHERE + ")");
        }
        return candidates.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new BadInputException(dir + ": no " + String.join(" or ", candidates)
                        + " (run `make native`, or set " + WHERE + ")"));
    }

    private static String loadCpuBackend(LibrarySettings settings) {
        try (Arena arena = Arena.ofConfined()) {
            Optional<String> variant = settings.cpuVariant();
            if (variant.isPresent()) {
                Path file = settings.dir().resolve("libggml-cpu-" + variant.get() + ".so");
                if (!Files.isRegularFile(file)) {
                    throw new BadInputException("cpu=" + variant.get() + ": no " + file + " (variants: "
                            + String.join(", ", cpuVariants(settings.dir())) + ")");
                }
                MemorySegment reg = llama_h.ggml_backend_load(arena.allocateFrom(file.toString()));
                if (reg.equals(MemorySegment.NULL)) {
                    throw new BadInputException("cpu=" + variant.get() + ": this CPU cannot run " + file.getFileName());
                }
            } else {
                llama_h.ggml_backend_load_all_from_path(arena.allocateFrom(settings.dir().toString()));
            }
        }
        return mappedCpuBackend().orElse("built-in");
    }

    /** The variants shipped in {@code dir}, e.g. haswell, skylakex, sapphirerapids. */
    public static List<String> cpuVariants(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("libggml-cpu-") && n.endsWith(".so"))
                    .map(n -> n.substring("libggml-cpu-".length(), n.length() - ".so".length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ggml does not say which file it picked; the process's own mappings do.
    private static Optional<String> mappedCpuBackend() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .map(path -> Path.of(path).getFileName())
                    .filter(name -> name != null && name.toString().startsWith("libggml-cpu"))
                    .map(Path::toString).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean hasSymbol(String name) {
        return SymbolLookup.loaderLookup().find(name).isPresent();
    }
}
