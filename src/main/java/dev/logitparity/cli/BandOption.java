package dev.logitparity.cli;

import dev.logitparity.compare.Band;
import picocli.CommandLine.Option;

/** {@code --band}: the tolerance band of every command that renders a verdict. */
final class BandOption {

    @Option(names = "--band", paramLabel = "logprob=X,kl=Y,near-tie=Z", converter = BandConverter.class,
            description = "Tolerance band (default: logprob=" + Band.DEFAULT_LOGPROB + ",kl=" + Band.DEFAULT_KL
                    + ", near-tie = 2 x logprob).")
    Band band;

    Band band() {
        return band == null ? Band.defaults() : band;
    }
}
