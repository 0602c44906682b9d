package dev.logitparity.report;

import dev.logitparity.compare.DivergenceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart draws what it says: both sides' margins, the disagreement and the band, each in its own colour. */
class ChartWriterTest {

    @TempDir
    Path dir;

    @Test
    void bothMarginsTheDisagreementAndTheBandAreDrawn() throws Exception {
        DivergenceReport report = ReportFixtures.report();
        Path png = ChartWriter.write(report, StepSeries.of(report, ReportFixtures.a(), ReportFixtures.b(), 3),
                ChartWriter.title(report), dir.resolve("chart.png"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        for (Color color : new Color[]{ChartWriter.MARGIN_A, ChartWriter.MARGIN_B, ChartWriter.DISAGREEMENT,
                ChartWriter.BAND}) {
            assertTrue(pixels(image, color) > 20, "a line in " + color + ": " + pixels(image, color) + " pixels");
        }
    }

    @Test
    void theTitleNamesBothSidesAsTheReportDoesAndTheVerdict() {
        DivergenceReport report = ReportFixtures.report();
        assertEquals("llama.cpp (m.gguf) vs other (m.gguf): LOGIT_MISMATCH", ChartWriter.title(report));
    }

    private static long pixels(BufferedImage image, Color color) {
        int rgb = color.getRGB() & 0xffffff;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
