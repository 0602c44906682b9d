package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.gguf.GgufWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The F16 or Q8_0 twin of an F32 model that was not generated here (the trained one in {@code models/}): the same
 * metadata and tensors, each matrix stored in the twin's type under the generator's rules ({@link PlannedTensor}),
 * encoded by the project's quantiser, so the twins of a trained model are made as those of a generated one are.
 */
public final class TypeTwin {

    private static final String F32_SUFFIX = "-f32.gguf";

    private TypeTwin() {
    }

    /**
     * Writes {@code <stem>-<type>.gguf} into {@code outDir} for {@code <stem>-f32.gguf}, replacing it atomically;
     * returns it. Same input, same bytes.
     *
     * @throws IllegalArgumentException when the source is not named {@code *-f32.gguf}, holds a tensor that is not
     *                                  F32, or {@code type} is not F16 or Q8_0
     */
    public static Path write(Path f32Model, GgmlType type, Path outDir) throws IOException {
        String name = f32Model.getFileName().toString();
        if (!name.endsWith(F32_SUFFIX)) {
            throw new IllegalArgumentException(f32Model + ": an F32 original must be named *" + F32_SUFFIX);
        }
        if (type != GgmlType.F16 && type != GgmlType.Q8_0) {
            throw new IllegalArgumentException("a twin is F16 or Q8_0, not " + type);
        }
        Path target = outDir.resolve(name.substring(0, name.length() - F32_SUFFIX.length()) + "-"
                + type.lowerName() + ".gguf");
        try (GgufFile source = GgufFile.open(f32Model)) {
            GgufWriter writer = new GgufWriter();
            source.metadata().forEach((key, value) -> writer.put(key, key.equals(ModelGenerator.FILE_TYPE_KEY)
                    ? GgufValue.uint32(ModelGenerator.fileType(type)) : value));
            if (type == GgmlType.Q8_0 && source.find(ModelGenerator.QUANTIZATION_VERSION_KEY).isEmpty()) {
                writer.put(ModelGenerator.QUANTIZATION_VERSION_KEY,
                        GgufValue.uint32(ModelGenerator.QUANTIZATION_VERSION));
            }
            for (GgufTensorInfo t : source.tensors()) {
                if (t.type() != GgmlType.F32) {
                    throw new IllegalArgumentException(f32Model + ": tensor '" + t.name() + "' is " + t.type()
                            + ", not F32");
                }
                writer.addTensor(t.name(), PlannedTensor.storageType(t.name(), t.dims(), type), t.dims(),
                        (row, dst) -> source.dequantizeRow(t, row, dst));
            }
            Files.createDirectories(outDir);
            writer.write(target);
        }
        return target;
    }
}
