package dev.logitparity.reference;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.gguf.GgufWriter;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/** A copy of a GGUF with a metadata key set or dropped, a tensor dropped, or a tensor stored as another type. */
public final class ModelCopy {

    private final Path source;
    private final Map<String, GgufValue> set = new HashMap<>();
    private final Set<String> droppedKeys = new HashSet<>();
    private final Set<String> droppedTensors = new HashSet<>();
    private final Map<String, GgmlType> retyped = new HashMap<>();

    private ModelCopy(Path source) {
        this.source = source;
    }

    public static ModelCopy of(Path source) {
        return new ModelCopy(source);
    }

    public ModelCopy set(String key, GgufValue value) {
        set.put(key, value);
        return this;
    }

    public ModelCopy dropKey(String key) {
        droppedKeys.add(key);
        return this;
    }

    public ModelCopy dropTensor(String name) {
        droppedTensors.add(name);
        return this;
    }

    /** Stores {@code name} as {@code type}, its bytes all zero: only the type matters to the tests. */
    public ModelCopy retype(String name, GgmlType type) {
        retyped.put(name, type);
        return this;
    }

    public Path writeTo(Path target) throws IOException {
        try (GgufFile in = GgufFile.open(source)) {
            SequencedMap<String, GgufValue> metadata = new LinkedHashMap<>(in.metadata());
            metadata.keySet().removeAll(droppedKeys);
            metadata.putAll(set);
            GgufWriter out = new GgufWriter().putAll(metadata);
            for (GgufTensorInfo t : in.tensors()) {
                if (droppedTensors.contains(t.name())) {
                    continue;
                }
                GgmlType type = retyped.get(t.name());
                byte[] bytes = type == null ? in.tensorData(t.name()).toArray(ValueLayout.JAVA_BYTE)
                        : new byte[(int) type.byteSize(t.elementCount())];
                out.addRawTensor(t.name(), type == null ? t.type() : type, t.dims(), bytes);
            }
            out.write(target);
        }
        return target;
    }
}
