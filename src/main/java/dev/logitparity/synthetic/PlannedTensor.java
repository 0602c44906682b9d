package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlType;

import java.util.List;

/**
 * One tensor of a generated model.
 *
 * @param name llama.cpp's tensor name ({@code src/llama-arch.cpp}), e.g. {@code blk.0.attn_q.weight}
 * @param dims ggml order: ne0 (the input width of a matrix) first
 * @param init how its values are drawn
 */
public record PlannedTensor(String name, List<Long> dims, WeightInit init) {

    public PlannedTensor {
        dims = List.copyOf(dims);
    }

    /**
     * The type this tensor is stored in, following llama.cpp's conventions: 1-D tensors (norms, biases) always stay
     * F32 (convert_hf_to_gguf and llama-quantize both keep them), and llama-quantize never quantises
     * {@code position_embd}, so a Q8_0 model keeps it F32.
     */
    public GgmlType storageType(GgmlType modelType) {
        return storageType(name, dims, modelType);
    }

    /** {@link #storageType(GgmlType)} for any tensor, e.g. one of a trained model's that is being converted. */
    static GgmlType storageType(String name, List<Long> dims, GgmlType modelType) {
        if (dims.size() == 1) {
            return GgmlType.F32;
        }
        if (name.startsWith("position_embd.") && modelType != GgmlType.F16) {
            return GgmlType.F32;
        }
        return modelType;
    }
}
