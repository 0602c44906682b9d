package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgmlType;

/**
 * Everything that determines a generated model file: two specs that are equal give byte-identical files.
 *
 * @param name       {@code general.name} and the file name's stem
 * @param arch       architecture
 * @param type       storage type of the weight matrices: F32, F16 or Q8_0 (1-D tensors always stay F32)
 * @param dims       transformer shape
 * @param tiedOutput true: no {@code output.weight}, llama.cpp reuses {@code token_embd.weight} as the LM head
 * @param seed       weight seed; the same seed gives the same float weights whatever {@code type} is
 * @param vocabFile  file name of the tokenizer-only GGUF, inside the vocab directory, whose tokenizer is copied
 */
public record ModelSpec(String name, Architecture arch, GgmlType type, ModelDimensions dims, boolean tiedOutput,
                        long seed, String vocabFile) {

    public ModelSpec {
        if (!GgmlQuants.SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("model type must be one of " + GgmlQuants.SUPPORTED + ", got " + type);
        }
        if (arch == Architecture.GPT2 && dims.headCountKv() != dims.headCount()) {
            throw new IllegalArgumentException("gpt2 has no grouped-query attention: head_count_kv must equal head_count");
        }
        if (arch.usesRope() && dims.headLength() % 2 != 0) {
            throw new IllegalArgumentException("RoPE needs an even head length, got " + dims.headLength());
        }
    }

    /** {@code <name>-<type>.gguf}, e.g. {@code gpt2-q8_0.gguf}. */
    public String fileName() {
        return name + "-" + type.lowerName() + ".gguf";
    }

    public ModelSpec withType(GgmlType newType) {
        return new ModelSpec(name, arch, newType, dims, tiedOutput, seed, vocabFile);
    }

    public ModelSpec withName(String newName) {
        return new ModelSpec(newName, arch, type, dims, tiedOutput, seed, vocabFile);
    }

    public ModelSpec withSeed(long newSeed) {
        return new ModelSpec(name, arch, type, dims, tiedOutput, newSeed, vocabFile);
    }
}
