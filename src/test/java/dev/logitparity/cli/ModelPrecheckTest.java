package dev.logitparity.cli;

import dev.logitparity.TestModels;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.gguf.GgufWriter;
import dev.logitparity.reference.ModelCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GGUFs that are well-formed but that llama.cpp would GGML_ASSERT on (aborting this JVM with it): each is refused in
 * Java before llama.cpp sees it, exit 2, one line naming the file and the problem.
 */
class ModelPrecheckTest {

    @TempDir
    Path dir;

    private Path copy(String arch, String name, ModelCopy copy) throws IOException {
        return copy.writeTo(dir.resolve(arch + "-" + name + ".gguf"));
    }

    private static ModelCopy of(String arch) {
        return ModelCopy.of(TestModels.path(arch, "f32"));
    }

    private static void refused(Path model, String problem) {
        CliRun run = CliRun.of("capture", model.toString(), "Hello", "--steps", "1");
        assertEquals(Main.BAD_INPUT, run.status(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("divergence-locate: " + model + ": "), run.err());
        assertTrue(run.err().contains(problem), run.err());
    }

    @Test
    void negativeOrNanNormEpsilon() throws IOException {
        refused(copy("gpt2", "eps-neg", of("gpt2").set("gpt2.attention.layer_norm_epsilon", GgufValue.float32(-1f))),
                "gpt2.attention.layer_norm_epsilon is -1.0 (must be finite and >= 0)");
        refused(copy("llama", "eps-nan", of("llama").set("llama.attention.layer_norm_rms_epsilon",
                GgufValue.float32(Float.NaN))), "llama.attention.layer_norm_rms_epsilon is NaN");
    }

    @Test
    void blockCountZeroOrMoreThanTheLayersPresent() throws IOException {
        refused(copy("qwen2", "blocks-0", of("qwen2").set("qwen2.block_count", GgufValue.uint32(0))),
                "qwen2.block_count is 0 but the file has tensors for 2 layers");
        refused(copy("gpt2", "blocks-1000", of("gpt2").set("gpt2.block_count", GgufValue.uint32(1000))),
                "gpt2.block_count is 1000 but the file has tensors for 2 layers");
    }

    @Test
    void headCountsZeroOrNotDividing() throws IOException {
        refused(copy("llama", "heads-0", of("llama").set("llama.attention.head_count", GgufValue.uint32(0))),
                "llama.attention.head_count is 0 (must be at least 1)");
        refused(copy("llama", "kv-heads-0", of("llama").set("llama.attention.head_count_kv", GgufValue.uint32(0))),
                "llama.attention.head_count_kv is 0 (must be at least 1)");
        refused(copy("llama", "kv-heads-3", of("llama").set("llama.attention.head_count_kv", GgufValue.uint32(3))),
                "is not a multiple of head_count_kv 3");
    }

    @Test
    void normsAndBiasesMustBeF32() throws IOException {
        refused(copy("gpt2", "norm-i32", of("gpt2").retype("blk.0.attn_norm.weight", GgmlType.I32)),
                "tensor 'blk.0.attn_norm.weight' is I32; llama.cpp's CPU ops need one-dimensional tensors");
        refused(copy("qwen2", "bias-f16", of("qwen2").retype("blk.1.attn_q.bias", GgmlType.F16)),
                "tensor 'blk.1.attn_q.bias' is F16");
    }

    @Test
    void integerMatrixWeights() throws IOException {
        refused(copy("llama", "w-i8", of("llama").retype("blk.0.ffn_up.weight", GgmlType.I8)),
                "tensor 'blk.0.ffn_up.weight' is I8, not a type llama.cpp computes with");
    }

    @Test
    void tensorNameLongerThanGgmlsLimit() throws IOException {
        Path model = dir.resolve("long-name.gguf");
        String longest = "x".repeat(63);
        new GgufWriter().addRawTensor(longest, GgmlType.F32, List.of(4L), new byte[16]).write(model);
        try (GgufFile ok = GgufFile.open(model)) {
            assertEquals(longest, ok.tensors().getFirst().name());
        }
        // one byte more: the name then swallows the first byte of its dimension count
        byte[] bytes = Files.readAllBytes(model);
        int name = indexOf(bytes, longest.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer.wrap(bytes, name - 8, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(64);
        Files.write(model, bytes);
        refused(model, "tensor name at offset " + (name - 8) + " is 64 bytes long, over the limit of 63");
    }

    @Test
    void corruptNameLengthNeverQuotesFileBytes() throws IOException {
        Path model = dir.resolve("name-length.gguf");
        byte[] bytes = Files.readAllBytes(TestModels.path("gpt2", "f32"));
        int name = indexOf(bytes, "token_embd.weight".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer.wrap(bytes, name - 8, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length / 2);
        Files.write(model, bytes);
        CliRun run = CliRun.of("capture", model.toString(), "Hello", "--steps", "1");
        assertEquals(Main.BAD_INPUT, run.status(), run.err());
        assertEquals(1, run.err().lines().count());
        assertTrue(run.err().length() < 400, run.err());
        assertTrue(run.err().strip().chars().allMatch(c -> c >= 0x20 && c != 0x7f), run.err());
        assertTrue(run.err().contains("tensor name at offset " + (name - 8) + " is " + bytes.length / 2
                + " bytes long, over the limit of 63"), run.err());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
