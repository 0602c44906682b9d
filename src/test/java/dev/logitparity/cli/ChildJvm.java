package dev.logitparity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CLI in a JVM of its own, for what only a separate process shows: exit codes, signals, native aborts. */
record ChildJvm(boolean nativeAccess, List<String> jvmOptions) {

    static ChildJvm withNativeAccess(String... jvmOptions) {
        return new ChildJvm(true, List.of(jvmOptions));
    }

    static ChildJvm withoutNativeAccess() {
        return new ChildJvm(false, List.of());
    }

    ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (nativeAccess) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        String lib = System.getProperty("logitparity.lib");
        if (lib != null) {
            command.add("-Dlogitparity.lib=" + lib);
        }
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Runs to completion (two minutes at most) and returns the exit status and both streams. */
    CliRun run(String... args) throws IOException, InterruptedException {
        Process process = builder(args).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish: " + String.join(" ", args));
        }
        return new CliRun(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }
}
