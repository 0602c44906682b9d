package dev.logitparity.matrix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextPreviewTest {

    @Test
    void textsThatPartWithinTheFirst80CharactersShowTheirStart() {
        String a = "x".repeat(50) + "A" + "y".repeat(100);
        String b = "x".repeat(50) + "B" + "y".repeat(100);
        TextPreview preview = TextPreview.of(a, b);
        assertEquals(a.substring(0, 80), preview.a());
        assertEquals(b.substring(0, 80), preview.b());
    }

    @Test
    void textsThatPartBeyondThePreviewShowTheWindowAroundTheDifferenceOnBothSides() {
        String common = "0123456789".repeat(20);          // 200 common characters
        TextPreview preview = TextPreview.of(common + "Paris is", common + "Lyon was");
        // 30 characters of common text before position 200, then the difference, 79 characters after the "…"
        assertEquals("…" + common.substring(170) + "Paris is", preview.a());
        assertEquals("…" + common.substring(170) + "Lyon was", preview.b());
    }

    @Test
    void identicalLongTextsShowTheirStart() {
        String same = "z".repeat(300);
        assertEquals(new TextPreview("z".repeat(80), "z".repeat(80)), TextPreview.of(same, same));
    }

    @Test
    void oneTextEndingWhereTheOtherGoesOnShowsWhereItEnded() {
        String a = "a".repeat(120);
        TextPreview preview = TextPreview.of(a, a + "MORE");
        assertEquals("…" + "a".repeat(30), preview.a());
        assertEquals("…" + "a".repeat(30) + "MORE", preview.b());
    }
}
