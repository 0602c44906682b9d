package dev.logitparity;

import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.gguf.GgufWriter;

import java.nio.file.Path;

/** A copy of a GGUF with one tensor's values scaled: a damaged conversion, as a runtime author's bug would make. */
public final class ScaledTensorCopy {

    private ScaledTensorCopy() {
    }

    /** Writes {@code target}: {@code source} with every value of {@code tensor} times {@code scale}, same types. */
    public static Path write(Path source, Path target, String tensor, float scale) {
        try (GgufFile in = GgufFile.open(source)) {
            GgufWriter out = new GgufWriter().putAll(in.metadata());
            for (GgufTensorInfo t : in.tensors()) {
                float[] values = in.dequantize(t.name());
                if (t.name().equals(tensor)) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] *= scale;
                    }
                }
                out.addTensor(t.name(), t.type(), t.dims(), values);
            }
            out.write(target);
            return target;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
