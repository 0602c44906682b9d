package dev.logitparity.cli;

import dev.logitparity.TestModels;
import dev.logitparity.compare.Band;
import dev.logitparity.compare.BandChoice;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandConverterTest {

    private final BandConverter converter = new BandConverter();

    private static final Band MEASURED = new Band(0.3, 0.02, 0.6);

    @Test
    void keysNotGivenAreLeftToTheMeasuredFloorAndNearTieFollowsTheLogprobThreshold() {
        assertEquals(new Band(1e-3, 0.02, 2e-3), converter.convert("logprob=1e-3").over(MEASURED));
        assertEquals(new Band(1e-3, 1e-2, 0.5), converter.convert("near-tie=0.5,logprob=1e-3,kl=1e-2").over(MEASURED));
        assertEquals(new Band(0.3, 1e-6, 0.6), converter.convert("kl=1e-6").over(MEASURED));
    }

    @Test
    void autoIsTheFloorsBand() {
        assertEquals(BandChoice.AUTO, converter.convert("auto"));
        assertEquals(MEASURED, converter.convert("auto").over(MEASURED));
    }

    @Test
    void negativeOrInfiniteThresholdsAreRefused() {
        assertTrue(assertThrows(TypeConversionException.class, () -> converter.convert("logprob=-1")).getMessage()
                .contains("logprob=-1 must be finite and >= 0"));
        assertThrows(TypeConversionException.class, () -> converter.convert("kl=Infinity"));
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

    @Test
    void floorStepsBelowOneIsBadInputInOneLine() {
        CliRun run = CliRun.of(TestModels.path("gpt2", "f32").toString(), "hi", "--floor-steps", "0");
        assertEquals(Main.BAD_INPUT, run.status(), run.err());
        assertEquals("divergence-locate: --floor-steps must be at least 1, got 0", run.err().strip());
    }
}
