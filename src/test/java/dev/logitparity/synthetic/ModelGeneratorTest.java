package dev.logitparity.synthetic;

import dev.logitparity.gguf.GgmlQuants;
import dev.logitparity.gguf.GgmlType;
import dev.logitparity.gguf.GgufFile;
import dev.logitparity.gguf.GgufFormatException;
import dev.logitparity.gguf.GgufTensorInfo;
import dev.logitparity.gguf.GgufValue;
import dev.logitparity.gguf.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelGeneratorTest {

    @TempDir
    Path dir;

    private final ModelGenerator generator = new ModelGenerator(TestFiles.vocabDir());

    private Path generate(ModelSpec spec) throws IOException {
        return generator.generate(spec, dir);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesForAllSmallModels() throws IOException {
        for (ModelSpec spec : ModelCatalog.smallModels(7)) {
            Path a = generator.generate(spec, dir.resolve("a"));
            Path b = generator.generate(spec, dir.resolve("b"));
            assertEquals(-1L, Files.mismatch(a, b), spec.fileName());
        }
    }

    @Test
    void differentSeedGivesDifferentWeightsOfTheSameShape() throws IOException {
        ModelSpec spec = ModelCatalog.small(Architecture.GPT2, GgmlType.F32, 1);
        Path a = generator.generate(spec, dir.resolve("a"));
        Path b = generator.generate(spec.withSeed(2), dir.resolve("b"));
        assertEquals(Files.size(a), Files.size(b));
        try (GgufFile fa = GgufFile.open(a); GgufFile fb = GgufFile.open(b)) {
            assertEquals(fa.tensors().stream().map(GgufTensorInfo::dims).toList(),
                    fb.tensors().stream().map(GgufTensorInfo::dims).toList());
            for (GgufTensorInfo t : fa.tensors()) {
                assertFalse(java.util.Arrays.equals(fa.dequantize(t.name()), fb.dequantize(t.name())), t.name());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void typeTwinsStoreTheSameFloatWeights(Architecture arch) throws IOException {
        Path f32 = generate(ModelCatalog.small(arch, GgmlType.F32, 5));
        Path f16 = generate(ModelCatalog.small(arch, GgmlType.F16, 5));
        Path q8 = generate(ModelCatalog.small(arch, GgmlType.Q8_0, 5));
        try (GgufFile exact = GgufFile.open(f32); GgufFile half = GgufFile.open(f16); GgufFile quant = GgufFile.open(q8)) {
            assertEquals(exact.tensors().size(), half.tensors().size());
            assertEquals(exact.tensors().size(), quant.tensors().size());
            for (GgufTensorInfo t : exact.tensors()) {
                assertEquals(GgmlType.F32, t.type(), t.name());
                float[] x = exact.dequantize(t.name());
                assertArrayEquals(stored(x, half.tensor(t.name()).type()), half.dequantize(t.name()), t.name());
                assertArrayEquals(stored(x, quant.tensor(t.name()).type()), quant.dequantize(t.name()), t.name());
            }
        }
    }

    /** {@code x} as it reads back after storing it as {@code type}. */
    private static float[] stored(float[] x, GgmlType type) {
        byte[] encoded = new byte[(int) type.byteSize(x.length)];
        GgmlQuants.encode(type, x, 0, x.length, MemorySegment.ofArray(encoded), 0);
        float[] y = new float[x.length];
        GgmlQuants.decode(type, MemorySegment.ofArray(encoded), 0, y, 0, x.length);
        return y;
    }

    @Test
    void quantisedModelsKeepOneDimensionalTensorsAndPositionEmbeddingsInF32() throws IOException {
        try (GgufFile f = GgufFile.open(generate(ModelCatalog.small(Architecture.GPT2, GgmlType.Q8_0, 1)))) {
            for (GgufTensorInfo t : f.tensors()) {
                GgmlType expected = t.dims().size() == 1 || t.name().equals("position_embd.weight") ? GgmlType.F32 : GgmlType.Q8_0;
                assertEquals(expected, t.type(), t.name());
            }
            assertEquals(GgufValue.uint32(7), f.require("general.file_type"));
            assertEquals(GgufValue.uint32(2), f.require("general.quantization_version"));
        }
        try (GgufFile f = GgufFile.open(generate(ModelCatalog.small(Architecture.GPT2, GgmlType.F16, 1)))) {
            assertEquals(GgmlType.F16, f.tensor("position_embd.weight").type());
            assertEquals(GgmlType.F32, f.tensor("blk.0.attn_qkv.bias").type());
            assertEquals(GgufValue.uint32(1), f.require("general.file_type"));
        }
    }

    /** The tensors llama.cpp's load_arch_tensors asks for, as {@code name -> dims}, for the small shape. */
    private static Map<String, List<Long>> expectedTensors(Architecture arch, long vocab) {
        Map<String, List<Long>> t = new LinkedHashMap<>();
        long e = 64;
        long ff = 128;
        long kv = arch == Architecture.GPT2 ? 64 : 32; // 2 of 4 heads of 16 for GQA
        t.put("token_embd.weight", List.of(e, vocab));
        if (arch == Architecture.GPT2) {
            t.put("position_embd.weight", List.of(e, 256L));
        }
        for (int i = 0; i < 2; i++) {
            String b = "blk." + i + ".";
            t.put(b + "attn_norm.weight", List.of(e));
            t.put(b + "attn_output.weight", List.of(e, e));
            t.put(b + "ffn_norm.weight", List.of(e));
            t.put(b + "ffn_up.weight", List.of(e, ff));
            t.put(b + "ffn_down.weight", List.of(ff, e));
            if (arch == Architecture.GPT2) {
                t.put(b + "attn_norm.bias", List.of(e));
                t.put(b + "attn_qkv.weight", List.of(e, 3 * e));
                t.put(b + "attn_qkv.bias", List.of(3 * e));
                t.put(b + "attn_output.bias", List.of(e));
                t.put(b + "ffn_norm.bias", List.of(e));
                t.put(b + "ffn_up.bias", List.of(ff));
                t.put(b + "ffn_down.bias", List.of(e));
            } else {
                t.put(b + "attn_q.weight", List.of(e, e));
                t.put(b + "attn_k.weight", List.of(e, kv));
                t.put(b + "attn_v.weight", List.of(e, kv));
                t.put(b + "ffn_gate.weight", List.of(e, ff));
            }
            if (arch == Architecture.QWEN2) {
                t.put(b + "attn_q.bias", List.of(e));
                t.put(b + "attn_k.bias", List.of(kv));
                t.put(b + "attn_v.bias", List.of(kv));
            }
        }
        t.put("output_norm.weight", List.of(e));
        if (arch == Architecture.GPT2) {
            t.put("output_norm.bias", List.of(e));
        }
        if (arch == Architecture.LLAMA) {
            t.put("output.weight", List.of(e, vocab));
        }
        return t;
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void tensorsAreExactlyThoseTheLlamaCppLoaderRequires(Architecture arch) throws IOException {
        try (GgufFile f = GgufFile.open(generate(ModelCatalog.small(arch, GgmlType.F32, 1)))) {
            long vocab = f.require("tokenizer.ggml.tokens").length();
            Map<String, List<Long>> actual = new LinkedHashMap<>();
            f.tensors().forEach(t -> actual.put(t.name(), t.dims()));
            assertEquals(new TreeSet<>(expectedTensors(arch, vocab).entrySet().stream().map(Object::toString).toList()),
                    new TreeSet<>(actual.entrySet().stream().map(Object::toString).toList()));
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void metadataCarriesHyperParametersAndTheWholeBorrowedTokenizer(Architecture arch) throws IOException {
        String p = arch.ggufName() + ".";
        try (GgufFile model = GgufFile.open(generate(ModelCatalog.small(arch, GgmlType.F32, 1)));
             GgufFile vocab = GgufFile.open(TestFiles.vocabDir().resolve(arch.vocabFile()))) {
            List<Map.Entry<String, GgufValue>> expectedTokenizer = new ArrayList<>();
            vocab.metadata().forEach((k, v) -> {
                if (k.startsWith("tokenizer.")) {
                    expectedTokenizer.add(Map.entry(k, v));
                }
            });
            List<Map.Entry<String, GgufValue>> actualTokenizer = new ArrayList<>();
            model.metadata().forEach((k, v) -> {
                if (k.startsWith("tokenizer.")) {
                    actualTokenizer.add(Map.entry(k, v));
                }
            });
            assertEquals(expectedTokenizer, actualTokenizer);
            assertEquals(arch.ggufName(), model.require("general.architecture").asString());
            assertEquals(GgufValue.uint32(256), model.require(p + "context_length"));
            assertEquals(GgufValue.uint32(64), model.require(p + "embedding_length"));
            assertEquals(GgufValue.uint32(2), model.require(p + "block_count"));
            assertEquals(GgufValue.uint32(128), model.require(p + "feed_forward_length"));
            assertEquals(GgufValue.uint32(4), model.require(p + "attention.head_count"));
            assertEquals(GgufValue.float32(arch.normEpsilon()), model.require(p + arch.normEpsilonKey()));
            assertEquals(GgufValue.uint32(0), model.require("general.file_type"));
            assertEquals(arch.usesRope(), model.find(p + "rope.freq_base").isPresent());
            assertEquals(arch == Architecture.LLAMA, model.find(p + "vocab_size").isPresent());
        }
    }

    @Test
    void weightsFollowTheDocumentedDistributions() throws IOException {
        try (GgufFile f = GgufFile.open(generate(ModelCatalog.small(Architecture.LLAMA, GgmlType.F32, 3)))) {
            double headStd = ModelLayout.LOGIT_STD / Math.sqrt(64);
            assertDistribution(f.dequantize("token_embd.weight"), 0, headStd);
            assertDistribution(f.dequantize("output.weight"), 0, headStd);
            assertDistribution(f.dequantize("blk.0.attn_q.weight"), 0, ModelLayout.QKV_GAIN / Math.sqrt(64));
            assertDistribution(f.dequantize("blk.1.ffn_down.weight"), 0, 1 / Math.sqrt(128));
            float[] norm = f.dequantize("blk.0.attn_norm.weight");
            for (float g : norm) {
                assertTrue(Math.abs(g - 1) <= 0.05 * Math.sqrt(3) + 1e-6, "norm gain " + g);
            }
        }
    }

    /** Mean and standard deviation within sampling error, and every value inside the uniform's support. */
    private static void assertDistribution(float[] x, double mean, double std) {
        double sum = 0;
        double sumSq = 0;
        for (float v : x) {
            sum += v;
            sumSq += v * (double) v;
            assertTrue(Math.abs(v - mean) <= std * Math.sqrt(3) * (1 + 1e-6), v + " outside the support");
        }
        double m = sum / x.length;
        double s = Math.sqrt(sumSq / x.length - m * m);
        assertEquals(mean, m, 5 * std / Math.sqrt(x.length));
        assertEquals(std, s, std * 0.05);
    }

    @Test
    void benchmarkShapesHaveTheRealModelsParameterCounts() {
        // Qwen2-0.5B and GPT-2 (124M) as published; SmolLM-135M's real vocabulary (49,152) is not among llama.cpp's
        // test vocabularies, so only its non-embedding count matches
        assertEquals(494_032_768L, parameters(ModelCatalog.qwen2HalfBillionShape(1), 151_936));
        assertEquals(124_439_808L, parameters(ModelCatalog.gpt2124mShape(1), 50_257));
        assertEquals(134_515_008L - 49_152L * 576, parameters(ModelCatalog.smolLm135mShape(1), 0));
    }

    private static long parameters(ModelSpec spec, int vocab) {
        return ModelLayout.tensors(spec, vocab).stream()
                .mapToLong(t -> t.dims().stream().reduce(1L, Math::multiplyExact))
                .sum();
    }

    @Test
    void tiedAndUntiedOutputsAreBothCovered() {
        Set<Boolean> tied = new java.util.HashSet<>();
        ModelCatalog.smallModels(1).forEach(s -> tied.add(s.tiedOutput()));
        assertEquals(Set.of(true, false), tied);
        assertTrue(ModelCatalog.qwen2HalfBillionShape(1).tiedOutput());
    }

    @Test
    void smallCatalogNamesNineFilesAfterArchAndType() {
        List<String> names = ModelCatalog.smallModels(1).stream().map(ModelSpec::fileName).toList();
        assertEquals(List.of("gpt2-f32.gguf", "gpt2-f16.gguf", "gpt2-q8_0.gguf", "llama-f32.gguf", "llama-f16.gguf",
                "llama-q8_0.gguf", "qwen2-f32.gguf", "qwen2-f16.gguf", "qwen2-q8_0.gguf"), names);
    }

    @Test
    void missingVocabularyIsAFormatErrorNamingTheFile() {
        ModelGenerator nowhere = new ModelGenerator(dir.resolve("no-vocab"));
        GgufFormatException e = assertThrows(GgufFormatException.class,
                () -> nowhere.generate(ModelCatalog.small(Architecture.QWEN2, GgmlType.F32, 1), dir));
        assertTrue(e.getMessage().endsWith("ggml-vocab-qwen2.gguf: no such file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("qwen2-f32.gguf")));
    }

    @Test
    void specsRejectShapesLlamaCppOrQ8_0CannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new ModelDimensions(48, 2, 4, 2, 128, 256));
        assertThrows(IllegalArgumentException.class, () -> new ModelDimensions(64, 2, 4, 3, 128, 256));
        assertThrows(IllegalArgumentException.class, () -> ModelCatalog.small(Architecture.LLAMA, GgmlType.Q4_K, 1));
        ModelDimensions gqa = new ModelDimensions(64, 2, 4, 2, 128, 256);
        assertThrows(IllegalArgumentException.class,
                () -> new ModelSpec("x", Architecture.GPT2, GgmlType.F32, gqa, true, 1, Architecture.GPT2.vocabFile()));
    }
}
