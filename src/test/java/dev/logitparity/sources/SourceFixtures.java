package dev.logitparity.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.logitparity.BadInputException;
import dev.logitparity.trace.Logits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Fixtures shared by the reader tests: a fake tokenizer, binary writers, and the one-line error check. */
final class SourceFixtures {
    static final int BOS = 1;

    /** One id per character (its code), BOS only in front of a prompt: enough to tell which entry point ran. */
    static final Tokenizer CHARS = new Tokenizer() {
        @Override
        public int[] prompt(String text) {
            return ((char) BOS + text).chars().toArray();
        }

        @Override
        public int[] continuation(String text) {
            return text.chars().toArray();
        }
    };

    /** Each character a digit and its own id, BOS only in front of a prompt: for tests with a tiny vocab. */
    static final Tokenizer DIGITS = new Tokenizer() {
        @Override
        public int[] prompt(String text) {
            return ((char) ('0' + BOS) + text).chars().map(c -> c - '0').toArray();
        }

        @Override
        public int[] continuation(String text) {
            return text.chars().map(c -> c - '0').toArray();
        }
    };

    private SourceFixtures() {
    }

    static int[] chars(String text) {
        return text.chars().toArray();
    }

    static int[] bosAndChars(String text) {
        return CHARS.prompt(text);
    }

    static Path resource(String name) {
        try {
            return Path.of(SourceFixtures.class.getResource("/sources/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeFloats(Path file, float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return writeBytes(file, bytes.array());
    }

    static Path writeInts(Path file, int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return writeBytes(file, bytes.array());
    }

    static Path writeBytes(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code read}, which must fail with one line naming {@code file} and saying {@code problem}. */
    static BadInputException assertBadInput(Path file, String problem, Executable read) {
        BadInputException e = assertThrows(BadInputException.class, read);
        String message = e.getMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
        assertTrue(message.startsWith(file + ": "), "names " + file + ": " + message);
        assertTrue(message.contains(problem), "says '" + problem + "': " + message);
        if (e instanceof SourceFormatException source) {
            assertEquals(file, source.file());
            assertEquals(file + ": " + source.problem(), message);
        }
        return e;
    }

    static void assertRow(float[] expected, Logits logits, int step) {
        float[] row = new float[logits.vocab()];
        logits.copyRow(step, row);
        assertEquals(expected.length, logits.vocab(), "vocab");
        for (int token = 0; token < expected.length; token++) {
            assertEquals(Float.floatToRawIntBits(expected[token]), Float.floatToRawIntBits(row[token]),
                    "step " + step + ", token " + token);
        }
    }
}
