package dev.logitparity.llama.ffi;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * The C compiler's view of the bound structs (native/layout_probe.c compiled against the pinned headers), and the
 * comparison of a Java layout with it.
 */
final class LayoutProbe {

    /** {@code struct} line: size and alignment; {@code field} line: offset and size. */
    record Fact(long first, long second) {
    }

    private final Map<String, Fact> facts;

    private LayoutProbe(Map<String, Fact> facts) {
        this.facts = facts;
    }

    static LayoutProbe compileAndRun(Path llamaSrc, Path workDir) throws IOException, InterruptedException {
        Path exe = workDir.resolve("layout_probe");
        Files.createDirectories(workDir);
        run(List.of("gcc", "-std=c11", "-Wall", "-Werror",
                "-I", llamaSrc.resolve("include").toString(),
                "-I", llamaSrc.resolve("ggml/include").toString(),
                Path.of("native/layout_probe.c").toString(), "-o", exe.toString()));
        return parse(run(List.of(exe.toString())));
    }

    static LayoutProbe parse(String output) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            facts.put(f[0] + " " + f[1], new Fact(Long.parseLong(f[2]), Long.parseLong(f[3])));
        }
        return new LayoutProbe(facts);
    }

    /** Every difference between a Java layout and the C struct of the same name; empty when they agree. */
    List<String> mismatches(GroupLayout layout) {
        String name = layout.name().orElseThrow();
        List<String> out = new ArrayList<>();
        Fact struct = facts.get("struct " + name);
        if (struct == null) {
            out.add(name + ": not in the probe's output");
            return out;
        }
        compare(out, name + " sizeof", struct.first(), layout.byteSize());
        compare(out, name + " alignof", struct.second(), layout.byteAlignment());
        List<String> javaFields = new ArrayList<>();
        for (MemoryLayout member : layout.memberLayouts()) {
            member.name().ifPresent(field -> {
                javaFields.add(field);
                Fact c = facts.get("field " + name + "." + field);
                if (c == null) {
                    out.add(name + "." + field + ": no such field in C");
                } else {
                    compare(out, name + "." + field + " offset", c.first(),
                            layout.byteOffset(groupElement(field)));
                    compare(out, name + "." + field + " size", c.second(), member.byteSize());
                }
            });
        }
        facts.keySet().stream()
                .filter(k -> k.startsWith("field " + name + "."))
                .map(k -> k.substring("field ".length() + name.length() + 1))
                .filter(field -> !javaFields.contains(field))
                .forEach(field -> out.add(name + "." + field + ": missing from the Java layout"));
        return out;
    }

    private static void compare(List<String> out, String what, long c, long java) {
        if (c != java) {
            out.add(what + ": C says " + c + ", Java says " + java);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
