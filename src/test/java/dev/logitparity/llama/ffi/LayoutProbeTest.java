package dev.logitparity.llama.ffi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayoutProbeTest {

    private static LayoutProbe probe;

    @BeforeAll
    static void compileProbe() throws Exception {
        Path llamaSrc = Path.of(System.getProperty("logitparity.llama.src", "native/llama.cpp"));
        probe = LayoutProbe.compileAndRun(llamaSrc, Path.of("target/layout-probe"));
    }

    static Stream<GroupLayout> boundStructs() {
        return Stream.of(llama_model_params.layout(), llama_context_params.layout(), llama_batch.layout(),
                ggml_tensor.layout());
    }

    @ParameterizedTest
    @MethodSource("boundStructs")
    void javaLayoutMatchesTheCompilersLayout(GroupLayout layout) {
        assertEquals(List.of(), probe.mismatches(layout));
    }

    @Test
    void probeCatchesAFieldMissingMidStruct() {
        // llama_batch without `embd`: the anchors' classic crash, a field removed upstream but kept in Java (or back).
        GroupLayout skewed = MemoryLayout.structLayout(
                llama_h.C_INT.withName("n_tokens"), MemoryLayout.paddingLayout(4),
                llama_h.C_POINTER.withName("token"),
                llama_h.C_POINTER.withName("pos"), llama_h.C_POINTER.withName("n_seq_id"),
                llama_h.C_POINTER.withName("seq_id"), llama_h.C_POINTER.withName("logits")).withName("llama_batch");
        List<String> found = probe.mismatches(skewed);
        assertTrue(found.contains("llama_batch sizeof: C says 56, Java says 48"), found::toString);
        assertTrue(found.contains("llama_batch.pos offset: C says 24, Java says 16"), found::toString);
        assertTrue(found.contains("llama_batch.embd: missing from the Java layout"), found::toString);
    }

    @Test
    void probeCatchesAMissingTrailingPad() {
        // FFM accepts a struct without its trailing pad; only sizeof tells (C: 80 bytes, this: 78).
        List<MemoryLayout> members = llama_model_params.layout().memberLayouts();
        GroupLayout unpadded = MemoryLayout.structLayout(members.subList(0, members.size() - 1)
                .toArray(MemoryLayout[]::new)).withName("llama_model_params");
        assertEquals(List.of("llama_model_params sizeof: C says 80, Java says 78"), probe.mismatches(unpadded));
    }
}
