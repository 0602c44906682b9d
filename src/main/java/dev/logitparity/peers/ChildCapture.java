package dev.logitparity.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Captures in a child JVM: the CPU kernel variant and graph reuse are process-wide in ggml / llama.cpp, so comparing
 * two settings of them needs two processes. The child runs this project's own {@code capture} command.
 */
public final class ChildCapture {

    /**
     * For every child that runs llama.cpp: should it abort, ggml's gdb backtrace must not reach its stdout. The
     * child's abort callback suppresses it too; this also covers an abort before the child has installed it.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("GGML_NO_BACKTRACE", "1");

    private ChildCapture() {
    }

    /**
     * Writes the child's trace folder to {@code out}.
     *
     * @param baseArguments the parent's capture arguments (model, prompt, steps, llama options)
     * @param settings      the {@code llama.cpp:KEY=VALUE} overrides, applied after the parent's options
     */
    public static void capture(List<String> baseArguments, Map<String, String> settings, Path out) {
        List<String> arguments = new ArrayList<>();
        arguments.add("capture");
        arguments.addAll(baseArguments);
        arguments.addAll(LlamaCppSetting.options(settings));
        arguments.add("--out");
        arguments.add(out.toString());
        try {
            Path log = Files.createTempFile("logit-parity-child-", ".out");
            try {
                Map<String, String> env = new HashMap<>(LlamaCppSetting.environment(settings));
                env.putAll(ENVIRONMENT);
                Subprocess.run("llama.cpp:" + settings, command(arguments), env, log);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** This project's CLI with {@code arguments}, in a new JVM with this one's class path and library. */
    public static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        // the reference engine's vector kernels, as this JVM has them (same numbers either way; the child says
        // "Using incubator modules" on its stderr, whose last line alone is read)
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        passThrough(command, "logitparity.lib");
        passThrough(command, "logitparity.precheck");
        command.add("dev.logitparity.cli.Main");
        command.addAll(arguments);
        return command;
    }

    private static void passThrough(List<String> command, String property) {
        String value = System.getProperty(property);
        if (value != null) {
            command.add("-D" + property + "=" + value);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
