package dev.logitparity.cli;

import dev.logitparity.compare.BandChoice;
import dev.logitparity.judge.NoiseFloorProbe;
import picocli.CommandLine.Option;

/** {@code --band} and {@code --floor-steps}: how every command that renders a verdict sets its tolerance band. */
final class BandOption {

    @Option(names = "--band", paramLabel = "auto|logprob=X,kl=Y,near-tie=Z", converter = BandConverter.class,
            description = "Tolerance band (default: auto, derived from the noise floor measured in the run; "
                    + "thresholds given override the floor's, the near-tie margin following logprob).")
    BandChoice band;

    @Option(names = "--floor-steps", paramLabel = "K", defaultValue = "" + NoiseFloorProbe.DEFAULT_STEPS,
            description = "Steps over which the noise floor is measured, besides the first divergent one "
                    + "(default: ${DEFAULT-VALUE}).")
    int floorSteps;

    BandChoice band() {
        return band == null ? BandChoice.AUTO : band;
    }

    NoiseFloorProbe probe() {
        return new NoiseFloorProbe(floorSteps);
    }
}
