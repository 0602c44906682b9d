package dev.logitparity.cli;

import dev.logitparity.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven built, the same one every trace records. */
public final class BuildVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {Version.tool()};
    }
}
