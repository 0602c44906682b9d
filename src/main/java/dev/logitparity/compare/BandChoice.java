package dev.logitparity.compare;

/**
 * The band a user asked for: each threshold given, or left to the noise floor measured in the run (null). With none
 * given it is {@code --band auto}, the default.
 */
public record BandChoice(Double logprob, Double kl, Double nearTie) {
    public static final BandChoice AUTO = new BandChoice(null, null, null);

    /** The given thresholds over the floor's band; a logprob given alone brings its near-tie margin, twice it. */
    public Band over(Band measured) {
        double lp = logprob != null ? logprob : measured.logprob();
        double tie = nearTie != null ? nearTie : logprob != null ? 2 * logprob : measured.nearTie();
        return new Band(lp, kl != null ? kl : measured.kl(), tie);
    }

    public boolean auto() {
        return logprob == null && kl == null && nearTie == null;
    }
}
