package dev.logitparity.cli;

import dev.logitparity.BadInputException;
import picocli.CommandLine.Option;

/** {@code --steps N}: how many greedy steps every command that decodes runs, checked once here. */
final class StepsOption {

    static final int DEFAULT = 32;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + DEFAULT,
            description = "Greedy steps to decode (default: ${DEFAULT-VALUE}).")
    private int steps;

    /** @throws BadInputException when below 1 */
    int steps() {
        return BadInputException.requireAtLeastOne("--steps", steps);
    }
}
