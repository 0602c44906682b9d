package dev.logitparity.cli;

import dev.logitparity.compare.Band;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --band logprob=1e-3,kl=1e-4,near-tie=2e-3}. Keys not given keep {@link Band#defaults()}; the near-tie margin
 * follows the logprob threshold unless given.
 */
final class BandConverter implements ITypeConverter<Band> {

    private static final String KEYS = " (keys: logprob, kl, near-tie)";

    @Override
    public Band convert(String value) {
        Band defaults = Band.defaults();
        double logprob = defaults.logprob();
        double kl = defaults.kl();
        Double nearTie = null;
        for (String item : value.split(",")) {
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new TypeConversionException("'" + item + "' is not KEY=VALUE" + KEYS);
            }
            double number = number(kv[0], kv[1]);
            switch (kv[0].strip()) {
                case "logprob" -> logprob = number;
                case "kl" -> kl = number;
                case "near-tie" -> nearTie = number;
                default -> throw new TypeConversionException("unknown band key '" + kv[0] + "'" + KEYS);
            }
        }
        Band band = Band.logprob(logprob).kl(kl);
        return nearTie == null ? band : band.nearTie(nearTie);
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(key + "=" + text + " is not a number");
        }
    }
}
