package dev.logitparity.cli;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --timings}: one stderr line with every phase in order and a total that is their sum; nothing without it. */
class TimingsOptionTest {

    private static final Pattern LINE = Pattern.compile("timings: load ([0-9.]+) s, capture ([0-9.]+) s, judge ([0-9.]+)"
            + " s, arbiter ([0-9.]+) s, layers ([0-9.]+) s, export ([0-9.]+) s, report ([0-9.]+) s; total ([0-9.]+) s");

    @Test
    void timingsNameEveryPhaseAndAddUpToTheTotal() {
        String model = TestModels.path("llama", "f32").toString();
        CliRun run = CliRun.of(model, "The capital of France is", "--against", model, "--steps", "2", "--timings");
        assertEquals(0, run.status(), run.err());
        Matcher m = LINE.matcher(run.err());
        assertTrue(m.find(), run.err());
        double phases = 0;
        for (int group = 1; group <= 7; group++) {
            phases += Double.parseDouble(m.group(group));
        }
        // each figure is rounded to 0.01 s
        assertEquals(Double.parseDouble(m.group(8)), phases, 0.04);
        assertTrue(Double.parseDouble(m.group(3)) > 0, "the noise floor runs the reference: judge takes time");

        CliRun quiet = CliRun.of(model, "The capital of France is", "--against", model, "--steps", "2");
        assertFalse(quiet.err().contains("timings:"), quiet.err());
    }
}
