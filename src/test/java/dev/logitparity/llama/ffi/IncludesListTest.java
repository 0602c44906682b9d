package dev.logitparity.llama.ffi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * bindings/includes.txt is what `make bindings` hands jextract and what the ABI check requires of a libllama, so it
 * must name exactly the functions llama_h binds: no more (a symbol required but never called), no fewer.
 */
class IncludesListTest {

    @Test
    void includedFunctionsAreExactlyTheBoundOnes() throws IOException {
        Set<String> included = Files.readAllLines(Path.of("bindings/includes.txt")).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("--include-function "))
                .map(line -> line.substring("--include-function ".length()).strip())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> bound = Arrays.stream(llama_h.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .filter(name -> !name.contains("$"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(bound, included);
    }

    @Test
    void everyBoundFunctionIsCalledByTheWrapper() throws IOException {
        String wrapper;
        try (var files = Files.walk(Path.of("src/main/java/dev/logitparity/llama"))) {
            wrapper = files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        Set<String> unused = new TreeSet<>();
        for (Method m : llama_h.class.getDeclaredMethods()) {
            String name = m.getName();
            if (Modifier.isPublic(m.getModifiers()) && !name.contains("$") && !wrapper.contains("llama_h." + name + "(")) {
                unused.add(name);
            }
        }
        assertEquals(Set.of(), unused, "bound in llama_h, never called");
    }
}
