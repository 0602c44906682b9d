package dev.logitparity.against;

import dev.logitparity.BadInputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the real {@code apr} (cargo install apr-cli) on the same model and prompt, its JSON output into a file. */
public final class AprRunner {

    private AprRunner() {
    }

    public static void run(Path model, String prompt, int maxTokens, Path jsonOut) {
        if (!Subprocess.onPath("apr")) {
            throw new BadInputException("--against apr: apr is not on PATH (install it with `cargo install apr-cli`)");
        }
        Subprocess.run("apr run", List.of("apr", "run", model.toString(), "--prompt", prompt, "--json",
                "--max-tokens", Integer.toString(maxTokens)), Map.of(), jsonOut);
    }
}
