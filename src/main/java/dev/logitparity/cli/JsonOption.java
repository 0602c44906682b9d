package dev.logitparity.cli;

import picocli.CommandLine.Option;

/** {@code --json}: the commands that print a report print it as JSON instead (a stable format: see README). */
final class JsonOption {

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    private boolean json;

    boolean json() {
        return json;
    }
}
