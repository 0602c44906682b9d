package dev.logitparity.llama;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Memory the process may still take before the kernel kills it: the host's MemAvailable (free memory plus what page
 * cache can give back), or what is left under the container's cgroup v2 limit when that is less.
 */
final class AvailableMemory {

    private static final Path CGROUP = Path.of("/sys/fs/cgroup");

    private AvailableMemory() {
    }

    /** Empty where neither is readable (not Linux): then nothing is refused. */
    static Optional<Long> bytes() {
        Optional<Long> host = memAvailable();
        Optional<Long> container = number(CGROUP.resolve("memory.max"))
                .flatMap(max -> number(CGROUP.resolve("memory.current")).map(used -> max - used));
        if (host.isPresent() && container.isPresent()) {
            return Optional.of(Math.min(host.get(), container.get()));
        }
        return host.or(() -> container);
    }

    private static Optional<Long> memAvailable() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemAvailable:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    // "max" (no limit) and a missing file both read as empty
    private static Optional<Long> number(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
