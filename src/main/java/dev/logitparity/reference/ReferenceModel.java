package dev.logitparity.reference;

import dev.logitparity.gguf.ModelFingerprint;

import dev.logitparity.BadInputException;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufValue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A GGUF opened for the reference forward pass: hyper-parameters and weights located and checked, weights left in the
 * file's mapping. Thread-safe to share; each decode runs in its own {@link ReferenceSession}. Closing unmaps the file,
 * after which sessions fail with {@link IllegalStateException}.
 */
public final class ReferenceModel implements AutoCloseable {

    private static final String ARCHITECTURE_KEY = "general.architecture";
    private static final List<String> END_OF_GENERATION_KEYS =
            List.of("tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id");

    private final GgufFile file;
    private final ReferenceArchitecture architecture;
    private final Ops ops;
    private final Hyperparameters hyperparameters;
    private final TransformerWeights weights;
    private final RotaryEmbedding rope;
    private String sha256;

    private ReferenceModel(GgufFile file, UnaryOperator<Ops> variant) {
        this.file = file;
        this.architecture = ReferenceArchitecture.of(architectureName(file), file.path());
        this.ops = variant.apply(architecture.ops());
        this.hyperparameters = Hyperparameters.read(file, architecture);
        this.weights = TransformerWeights.load(file, architecture, hyperparameters, ops);
        this.rope = new RotaryEmbedding(ops.rope(), hyperparameters.ropeDimensions(), hyperparameters.ropeFreqBase());
    }

    private static String architectureName(GgufFile file) {
        GgufValue name = file.find(ARCHITECTURE_KEY).orElseThrow(() -> new BadInputException(file.path()
                + ": missing metadata key '" + ARCHITECTURE_KEY + "'"));
        try {
            return name.asString();
        } catch (IllegalStateException e) {
            throw new BadInputException(file.path() + ": '" + ARCHITECTURE_KEY + "': " + e.getMessage());
        }
    }

    /** Opens {@code gguf} with the ops llama.cpp uses for its architecture. */
    public static ReferenceModel open(Path gguf) {
        return open(gguf, UnaryOperator.identity());
    }

    /**
     * Opens {@code gguf} with the architecture's ops changed by {@code variant}, e.g.
     * {@code ops -> ops.withNorm(Ops.Norm.RMS_NORM)} to run GPT-2's weights through LLaMA's norm.
     *
     * @throws BadInputException if the file is not usable GGUF, its architecture is not gpt2/llama/qwen2, a tensor
     *                           the ops need is missing, misshapen, or of a type other than F32/F16/Q8_0
     */
    public static ReferenceModel open(Path gguf, UnaryOperator<Ops> variant) {
        GgufFile file = GgufFile.open(gguf);
        try {
            return new ReferenceModel(file, variant);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public Path path() {
        return file.path();
    }

    public ReferenceArchitecture architecture() {
        return architecture;
    }

    /** The ops this model runs: its architecture's, or a variant's. */
    public Ops ops() {
        return ops;
    }

    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    public int vocabSize() {
        return weights.vocabSize();
    }

    /**
     * The most positions one session can hold: the number of learned position embeddings when the ops add them,
     * otherwise unbounded (RoPE extends past the training context, as llama.cpp lets it).
     */
    public int maxPositions() {
        return ops.positionEmbedding() ? weights.positionEmbedding().rows() : Integer.MAX_VALUE;
    }

    /** A decode with room for {@code positions} tokens (prompt and generated) in its KV cache. */
    public ReferenceSession newSession(int positions) {
        if (positions < 1 || positions > maxPositions()) {
            throw new BadInputException(file.path() + ": a decode of " + positions + " positions does not fit"
                    + " the model's " + maxPositions() + " position embeddings");
        }
        return new ReferenceSession(this, weights, rope, positions);
    }

    /**
     * Whether {@code token} is the vocabulary's end-of-sequence or end-of-turn token, as the GGUF's tokenizer metadata
     * names them (llama.cpp also stops at tokens it recognises by their text; those are not in the metadata).
     */
    public boolean isEndOfGeneration(int token) {
        return END_OF_GENERATION_KEYS.stream()
                .anyMatch(key -> file.find(key).map(value -> value.asLong() == token).orElse(false));
    }

    /** Lower-case hex sha256 of the file, computed on first use. */
    public synchronized String sha256() {
        if (sha256 == null) {
            sha256 = ModelFingerprint.of(file.path()).sha256();
        }
        return sha256;
    }

    /** Unmaps the file; idempotent. */
    @Override
    public void close() {
        file.close();
    }

    @Override
    public String toString() {
        return "ReferenceModel[" + file.path() + ", " + architecture.ggufName() + ", " + ops + "]";
    }
}
