package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.gguf.GgufWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * Writes a {@link ModelSpec} as a GGUF that llama.cpp loads: the borrowed tokenizer's {@code tokenizer.*} keys, the
 * architecture's hyper-parameters, and seeded weights for exactly the tensors its loader requires. Tensors are
 * generated row by row while writing, so the heap never holds a whole model.
 */
public final class ModelGenerator {

    static final String TOKENS_KEY = "tokenizer.ggml.tokens";
    /** GGML_QNT_VERSION, which llama-quantize records in quantised files. */
    static final int QUANTIZATION_VERSION = 2;
    static final String FILE_TYPE_KEY = "general.file_type";
    static final String QUANTIZATION_VERSION_KEY = "general.quantization_version";

    private final Path vocabDir;

    /** @param vocabDir the folder holding the tokenizer-only GGUFs (llama.cpp's {@code models/}) */
    public ModelGenerator(Path vocabDir) {
        this.vocabDir = vocabDir;
    }

    /**
     * {@code outDir/spec.fileName()}, generated first if it is not there: generation is deterministic, so an existing
     * file of that name is the same model (and writes are atomic, so racing callers are harmless). For test
     * fixtures that need a model without a separate build step.
     */
    public Path ensure(ModelSpec spec, Path outDir) {
        Path file = outDir.resolve(spec.fileName());
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            return generate(spec, outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code outDir/spec.fileName()}, creating {@code outDir} if needed; returns the file. */
    public Path generate(ModelSpec spec, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Path target = outDir.resolve(spec.fileName());
        write(spec, target);
        return target;
    }

    /** Writes the model to {@code target}, atomically replacing any file there. */
    public void write(ModelSpec spec, Path target) throws IOException {
        SequencedMap<String, GgufValue> tokenizer = tokenizerOf(spec);
        int vocabSize = tokenizer.get(TOKENS_KEY).length();
        GgufWriter writer = new GgufWriter()
                .putAll(hyperParameters(spec, vocabSize))
                .putAll(tokenizer);
        if (spec.type() == GgmlType.Q8_0) {
            writer.put(QUANTIZATION_VERSION_KEY, GgufValue.uint32(QUANTIZATION_VERSION));
        }
        for (PlannedTensor t : ModelLayout.tensors(spec, vocabSize)) {
            writer.addTensor(t.name(), t.storageType(spec.type()), t.dims(),
                    (row, dst) -> t.init().fill(spec.seed(), t.name(), row, dst));
        }
        writer.write(target);
    }

    /** Every {@code tokenizer.*} key of the spec's vocab GGUF, in file order. */
    private SequencedMap<String, GgufValue> tokenizerOf(ModelSpec spec) {
        try (GgufFile vocab = GgufFile.open(vocabDir.resolve(spec.vocabFile()))) {
            vocab.require(TOKENS_KEY);
            SequencedMap<String, GgufValue> tokenizer = new LinkedHashMap<>();
            vocab.metadata().forEach((key, value) -> {
                if (key.startsWith("tokenizer.")) {
                    tokenizer.put(key, value);
                }
            });
            return tokenizer;
        }
    }

    private static SequencedMap<String, GgufValue> hyperParameters(ModelSpec spec, int vocabSize) {
        Architecture arch = spec.arch();
        ModelDimensions d = spec.dims();
        String p = arch.ggufName() + ".";
        SequencedMap<String, GgufValue> kv = new LinkedHashMap<>();
        kv.put("general.architecture", GgufValue.string(arch.ggufName()));
        kv.put("general.name", GgufValue.string(spec.name()));
        kv.put("general.description", GgufValue.string("logit-parity generated test model: untrained, seeded weights"
                + " (seed " + spec.seed() + ")"));
        kv.put(FILE_TYPE_KEY, GgufValue.uint32(fileType(spec.type())));
        kv.put(p + "context_length", GgufValue.uint32(d.contextLength()));
        kv.put(p + "embedding_length", GgufValue.uint32(d.embeddingLength()));
        kv.put(p + "block_count", GgufValue.uint32(d.blockCount()));
        kv.put(p + "feed_forward_length", GgufValue.uint32(d.feedForwardLength()));
        kv.put(p + "attention.head_count", GgufValue.uint32(d.headCount()));
        kv.put(p + "attention.head_count_kv", GgufValue.uint32(d.headCountKv()));
        kv.put(p + arch.normEpsilonKey(), GgufValue.float32(arch.normEpsilon()));
        if (arch.usesRope()) {
            kv.put(p + "rope.freq_base", GgufValue.float32(arch.ropeFreqBase()));
            kv.put(p + "rope.dimension_count", GgufValue.uint32(d.headLength()));
        }
        if (arch == Architecture.LLAMA) {
            // convert_hf_to_gguf records it for llama only; the llama loader reads it to size-check the vocab
            kv.put(p + "vocab_size", GgufValue.uint32(vocabSize));
        }
        return kv;
    }

    /** {@code enum llama_ftype} in llama.h: ALL_F32, MOSTLY_F16, MOSTLY_Q8_0. */
    static int fileType(GgmlType type) {
        return switch (type) {
            case F32 -> 0;
            case F16 -> 1;
            case Q8_0 -> 7;
            default -> throw new IllegalArgumentException("no llama file type for " + type);
        };
    }
}
