package dev.logitparity.matrix;

import dev.logitparity.BadInputException;

/** {@code --require P/Q}: at least the fraction P/Q of the cases must pass (the seed's acceptance was 9/12). */
public record Threshold(int numerator, int denominator) {

    public Threshold {
        if (denominator < 1 || numerator < 0 || numerator > denominator) {
            throw new BadInputException("--require " + numerator + "/" + denominator + ": want P/Q with 0 <= P <= Q");
        }
    }

    public static Threshold parse(String text) {
        String[] parts = text.split("/", 2);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new Threshold(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("--require " + text + ": want P/Q, e.g. 9/12");
        }
    }

    /** {@code passed / total >= numerator / denominator}, in integers. */
    public boolean isMet(int passed, int total) {
        return (long) passed * denominator >= (long) numerator * total;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
