package dev.logitparity.cli;

import dev.logitparity.compare.Band;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandConverterTest {

    private final BandConverter converter = new BandConverter();

    @Test
    void nearTieFollowsTheLogprobThresholdUnlessGiven() {
        assertEquals(new Band(1e-3, Band.DEFAULT_KL, 2e-3), converter.convert("logprob=1e-3"));
        assertEquals(new Band(1e-3, 1e-2, 0.5), converter.convert("near-tie=0.5,logprob=1e-3,kl=1e-2"));
        assertEquals(new Band(Band.DEFAULT_LOGPROB, 1e-6, 2 * Band.DEFAULT_LOGPROB), converter.convert("kl=1e-6"));
    }

    @Test
    void unknownKeysAndNonNumbersAreRefusedByName() {
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("nmse=1")).getMessage()
                .contains("unknown band key 'nmse'"));
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("kl=small")).getMessage()
                .contains("kl=small is not a number"));
    }

    @Test
    void theCommandLineAppliesIt() {
        CliRun run = CliRun.of("models/none.gguf", "hi", "--against", "reference", "--band", "logprob=oops");
        assertEquals(Main.BAD_INPUT, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
