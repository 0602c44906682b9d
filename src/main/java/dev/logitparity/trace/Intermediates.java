package dev.logitparity.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The named intermediates of one step, collected from an engine: the embeddings, per layer {@link #LAYER_OPS}, then
 * the final norm and the logits. Names and element order are llama.cpp's, so two engines' collections compare
 * name by name.
 * <p>
 * llama.cpp names some tensors twice in one graph: {@code Qcur} and {@code Kcur} before and after RoPE (the last is
 * what attention uses, so the last one is kept), and in llama's graph {@code ffn_out} once for the feed-forward
 * output and again for the sum after the residual (the first is kept: the residual sum is {@code l_out}).
 */
public final class Intermediates implements TensorSink {

    /** In graph order; a layer's names are {@code op-L}. */
    public static final List<String> LAYER_OPS =
            List.of("attn_norm", "Qcur", "Kcur", "Vcur", "kqv_out", "ffn_inp", "ffn_norm", "ffn_out", "l_out");
    /** Before the first layer: token embeddings, then (gpt2) with the position embeddings added. */
    public static final List<String> INPUTS = List.of("inp_embd", "inpL");
    public static final List<String> OUTPUTS = List.of("result_norm", "result_output");
    private static final List<String> LAST_WINS = List.of("Qcur", "Kcur", "Vcur");

    private final SequencedMap<String, double[]> tensors = new LinkedHashMap<>();

    @Override
    public boolean wants(String name) {
        return INPUTS.contains(name) || OUTPUTS.contains(name) || layerOp(name).isPresent();
    }

    @Override
    public void accept(String name, double[] values) {
        if (!tensors.containsKey(name) || layerOp(name).filter(LAST_WINS::contains).isPresent()) {
            tensors.put(name, values.clone());
        }
    }

    @Override
    public void newGraph() {
        tensors.clear();
    }

    public Optional<double[]> get(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public Map<String, double[]> asMap() {
        return Collections.unmodifiableMap(tensors);
    }

    /** Every name this collection may hold for a model of {@code layers} layers, in graph order. */
    public static List<String> namesInOrder(int layers) {
        List<String> names = new ArrayList<>(INPUTS);
        for (int layer = 0; layer < layers; layer++) {
            for (String op : LAYER_OPS) {
                names.add(op + "-" + layer);
            }
        }
        names.addAll(OUTPUTS);
        return names;
    }

    /** The op of a per-layer name ({@code Qcur-3} gives {@code Qcur}), if it is one. */
    public static Optional<String> layerOp(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || dash == name.length() - 1 || !name.substring(dash + 1).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String op = name.substring(0, dash);
        return LAYER_OPS.contains(op) ? Optional.of(op) : Optional.empty();
    }

    /** The layer of a per-layer name, or -1 for the inputs and outputs. */
    public static int layerOf(String name) {
        return layerOp(name).map(op -> Integer.parseInt(name.substring(op.length() + 1))).orElse(-1);
    }
}
