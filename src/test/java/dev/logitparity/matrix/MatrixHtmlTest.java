package dev.logitparity.matrix;

import dev.logitparity.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix page in a browser: one row per cell, each run cell linking to its own report where the page is. */
class MatrixHtmlTest {

    @TempDir
    Path dir;

    @Test
    void eachCellIsARowAndARunCellLinksToItsDetailsRelativeToThePage() throws Exception {
        List<MatrixCell> cells = List.of(
                new MatrixCell("qwen2-f32", "greeting", "m.gguf", null, null, "Hi <there>", "Hi there", false, 3,
                        0.01, 0.02, "NEAR_TIE_FLIP", "a near tie", "charts/qwen2-f32-greeting.png",
                        "cells/qwen2-f32-greeting.html"),
                MatrixCell.skipped("gpt2-124m", "code", "absent.gguf", "no model for gpt2-124m: absent.gguf"));
        MatrixReport report = MatrixReport.of(cells, Threshold.parse("1/2"));
        Path page = dir.resolve("pages/matrix.html");
        Files.createDirectories(page.getParent());
        Files.writeString(page, report.html(name -> "../out/" + name));

        String dom = HeadlessChromium.dumpDom(page);
        assertEquals(2, dom.split("<tr class=", -1).length - 1, "one row per cell");
        assertTrue(dom.contains("<a class=\"details\" href=\"../out/cells/qwen2-f32-greeting.html\">details</a>"), dom);
        assertTrue(dom.contains("Hi &lt;there&gt;"), "the output is text, not markup");
        assertTrue(dom.contains("no model for gpt2-124m: absent.gguf"), "the skipped cell says why");
        assertTrue(dom.contains("0/2 passed (1 skipped, 0 failed), required 1/2: NOT met"), dom);
    }
}
