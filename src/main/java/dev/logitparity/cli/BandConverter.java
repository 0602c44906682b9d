package dev.logitparity.cli;

import dev.logitparity.compare.BandChoice;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --band auto} or {@code --band logprob=1e-3,kl=1e-4,near-tie=2e-3}. Keys not given are left to the noise
 * floor; the near-tie margin follows the logprob threshold unless given.
 */
final class BandConverter implements ITypeConverter<BandChoice> {

    private static final String KEYS = " (auto, or keys: logprob, kl, near-tie)";

    @Override
    public BandChoice convert(String value) {
        if (value.strip().equals("auto")) {
            return BandChoice.AUTO;
        }
        Double logprob = null;
        Double kl = null;
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
        return new BandChoice(logprob, kl, nearTie);
    }

    private static double number(String key, String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException(key + "=" + text + " is not a number");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new TypeConversionException(key + "=" + text + " must be finite and >= 0");
        }
        return value;
    }
}
