package dev.logitparity.report;

import dev.logitparity.HeadlessChromium;
import dev.logitparity.compare.DivergenceReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML report as a browser shows it: headless Chromium renders the page and the test reads the DOM and pixels. */
class HtmlReportBrowserTest {

    @TempDir
    static Path dir;
    static Path page;
    static DivergenceReport report;

    @BeforeAll
    static void write() throws Exception {
        report = ReportFixtures.report();
        StepSeries series = StepSeries.of(report, ReportFixtures.a(), ReportFixtures.b(), 3);
        page = HtmlReport.write(report, series, ReportFixtures.PIECES, "A vs B: " + report.summary().verdict(),
                Map.of("arbiter", "A is nearer"), dir.resolve("report.html"));
    }

    @Test
    void thePageLoadsNothingFromOutsideItself() throws Exception {
        String html = Files.readString(page);
        for (String outside : new String[]{" src=", " href=", "<link", "@import", "url("}) {
            assertFalse(html.contains(outside), "refers outside the file: " + outside);
        }
        assertEquals(html.replace("http://www.w3.org/2000/svg", "").indexOf("http"), -1, "only the SVG namespace URI");
    }

    @Test
    void theRenderedPageShowsTheVerdictTheReasonAndTheExtraFacts() throws Exception {
        String dom = HeadlessChromium.dumpDom(page);
        assertTrue(dom.contains("data-rendered=\"true\""), "the script ran to the end");
        assertEquals(report.summary().verdict().name(), text(dom, "span", "verdict"));
        assertTrue(dom.contains(escaped(report.summary().reason())), "the reason");
        assertTrue(dom.contains("<dt>arbiter</dt><dd>A is nearer</dd>"), "the extra fact");
    }

    @Test
    void theChartDrawsBothMarginsTheDisagreementTheBandAndBothMarkedSteps() throws Exception {
        String dom = HeadlessChromium.dumpDom(page);
        String nats = element(dom, "svg", "chart-nats");
        for (String line : new String[]{"marginA", "marginB", "disagreement", "band"}) {
            assertTrue(nats.contains("class=\"line " + line + "\""), line + " drawn");
        }
        assertEquals(2, count(nats, "class=\"marker\""), "first divergence and first out-of-band step");
        assertTrue(nats.contains("first divergence: step 3") && nats.contains("first out of band: step 1"), nats);
        assertTrue(element(dom, "svg", "chart-kl").contains("class=\"line kl\""), "KL drawn");
    }

    @Test
    void theStepTableHasARowPerStepWithBothSidesTopTokensAsEscapedPieces() throws Exception {
        String dom = HeadlessChromium.dumpDom(page);
        assertEquals(5, count(dom, "<tr id=\"step-"));
        String diverging = element(dom, "tr", "step-3");
        assertTrue(diverging.contains("class=\"diverge"), diverging);
        assertTrue(diverging.contains("\" Paris\"") && diverging.contains("\"\\n\""), "A's 1 and B's 2 as pieces: " + diverging);
        // a piece that is markup stays text: no <b> element, and the script element was not ended early
        assertTrue(dom.contains("&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"), "escaped markup piece");
        assertFalse(dom.contains("<b>bold</b>"));
    }

    @Test
    void aScreenshotShowsTheMarginLineInItsColour() throws Exception {
        Path png = HeadlessChromium.screenshot(page, dir.resolve("shot.png"), 1280, 900);
        BufferedImage image = ImageIO.read(png.toFile());
        int marginA = ChartWriter.MARGIN_A.getRGB() & 0xffffff;
        long hits = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                hits += (image.getRGB(x, y) & 0xffffff) == marginA ? 1 : 0;
            }
        }
        assertTrue(hits > 50, "pixels of A's margin line: " + hits);
    }

    private static String element(String dom, String tag, String id) {
        int start = dom.indexOf("<" + tag + " id=\"" + id + "\"");
        assertTrue(start >= 0, "no " + tag + "#" + id);
        return dom.substring(start, dom.indexOf("</" + tag + ">", start));
    }

    private static String text(String dom, String tag, String id) {
        Matcher m = Pattern.compile("<" + tag + "[^>]* id=\"" + id + "\"[^>]*>([^<]*)</" + tag + ">").matcher(dom);
        assertTrue(m.find(), "no " + tag + "#" + id);
        return m.group(1);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
