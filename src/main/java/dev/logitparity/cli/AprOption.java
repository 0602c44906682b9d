package dev.logitparity.cli;

import dev.logitparity.peers.AgainstSpec;
import dev.logitparity.peers.AprRunner;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** {@code --apr PATH} and {@code --apr-timeout S}: which apr {@code --against apr} runs, and for how long at most. */
final class AprOption {

    @Option(names = "--apr", paramLabel = "PATH", defaultValue = "apr",
            description = "The apr program for --against apr (default: apr on PATH).")
    Path executable;

    @Option(names = "--apr-timeout", paramLabel = "S", defaultValue = "1800",
            description = "Seconds one apr run may take before it counts as hung (default: 1800).")
    long timeoutSeconds;

    /** {@code spec} with this apr when it is {@code --against apr}. */
    AgainstSpec apply(AgainstSpec spec) {
        return spec instanceof AgainstSpec.Apr ? new AgainstSpec.Apr(new AprRunner(executable,
                Duration.ofSeconds(timeoutSeconds))) : spec;
    }
}
