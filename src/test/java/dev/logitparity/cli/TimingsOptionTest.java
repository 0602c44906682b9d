package dev.logitparity.cli;

import dev.logitparity.TestModels;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --timings}: after a "timings (wall):" header, one stderr line per phase in the order they ran, each
 * non-negative, then a total that is their sum (each figure rounded to a millisecond); nothing without the option.
 */
class TimingsOptionTest {

    private static final Pattern PHASE = Pattern.compile("^  (\\S+(?: \\S+)*) +(\\d+\\.\\d{3}) s +\\d+\\.\\d %$",
            Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^  total +(\\d+\\.\\d{3}) s$", Pattern.MULTILINE);

    @Test
    void everyPhaseOfATwinWithArbiterAndLayersIsListedAndTheyAddUpToTheTotal() {
        String model = TestModels.path("llama", "f32").toString();
        String twin = TestModels.path("llama", "q8_0").toString();
        CliRun run = CliRun.of(model, "The capital of France is", "--against", twin, "--steps", "4", "--arbiter",
                "--layers", "--timings");
        assertTrue(run.status() == 0 || run.status() == Main.DIVERGED, run.err());
        assertTrue(run.err().contains("timings (wall):\n"), run.err());
        List<String> names = new ArrayList<>();
        double sum = 0;
        Matcher phase = PHASE.matcher(run.err());
        while (phase.find()) {
            names.add(phase.group(1));
            double seconds = Double.parseDouble(phase.group(2));
            assertTrue(seconds >= 0, phase.group());
            sum += seconds;
        }
        assertEquals(List.of("load", "capture A", "capture B", "compare", "weights check", "llama.cpp replays",
                "reference", "arbiter", "layers", "export", "report", "close"), names, run.err());
        Matcher total = TOTAL.matcher(run.err());
        assertTrue(total.find(), run.err());
        // each of the phases and the total is rounded to 0.001 s
        assertEquals(Double.parseDouble(total.group(1)), sum, 0.0005 * (names.size() + 1), run.err());
        Matcher reference = Pattern.compile("^  reference +(\\d+\\.\\d{3}) s", Pattern.MULTILINE).matcher(run.err());
        assertTrue(reference.find() && Double.parseDouble(reference.group(1)) > 0,
                "the noise floor runs the reference: its phase takes time\n" + run.err());

        CliRun quiet = CliRun.of(model, "The capital of France is", "--against", twin, "--steps", "4");
        assertFalse(quiet.err().contains("timings"), quiet.err());
    }
}
