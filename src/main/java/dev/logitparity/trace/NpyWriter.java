package dev.logitparity.trace;

import dev.logitparity.files.AtomicFile;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams logits rows into an NPY file ({@code '<f4'}, C order, shape {@code [steps, vocab]}) whose step count need
 * not be known in advance. Rows go to an {@link AtomicFile}'s temporary; {@link #finish()} writes the final header
 * and commits it, and {@link #close()} without {@code finish()} discards it, so a failed run
 * never leaves a partial file under the target name. Use with try-with-resources and call {@code finish()} last.
 */
public final class NpyWriter implements AutoCloseable {
    private final Path target;
    private final AtomicFile file;
    private final FileChannel channel;
    private final int vocab;
    private final ByteBuffer row;
    private final MemorySegment rowBytes;
    private int steps;
    private boolean done;

    private NpyWriter(Path target, AtomicFile file, FileChannel channel, int vocab) {
        this.target = target;
        this.file = file;
        this.channel = channel;
        this.vocab = vocab;
        this.row = ByteBuffer.allocateDirect(Math.multiplyExact(vocab, Float.BYTES));
        this.rowBytes = MemorySegment.ofBuffer(row);
    }

    public static NpyWriter create(Path target, int vocab) throws IOException {
        Rows.checkVocab(vocab);
        AtomicFile file = AtomicFile.begin(target);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file.temp(), StandardOpenOption.WRITE);
            // Same length as the final header whatever the step count (see NpyHeader.encode), patched by finish().
            writeFully(channel, ByteBuffer.wrap(NpyHeader.encode(0, vocab)));
            return new NpyWriter(target, file, channel, vocab);
        } catch (IOException | RuntimeException e) {
            try (file) {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Writes all rows of {@code logits} to {@code target}. */
    public static void write(Logits logits, Path target) throws IOException {
        float[] buffer = new float[logits.vocab()];
        try (NpyWriter writer = create(target, logits.vocab())) {
            for (int step = 0; step < logits.steps(); step++) {
                logits.copyRow(step, buffer);
                writer.appendRow(buffer);
            }
            writer.finish();
        }
    }

    /** Appends one row of exactly vocab floats. */
    public void appendRow(float[] values) throws IOException {
        checkWritable();
        Rows.checkSource(values, vocab);
        MemorySegment.copy(values, 0, rowBytes, Rows.FILE_FLOAT, 0, vocab);
        writeRow();
    }

    /** Appends the first vocab native-order floats of {@code values}, e.g. llama's logits row. */
    public void appendRow(MemorySegment values) throws IOException {
        checkWritable();
        Rows.checkSource(values, vocab);
        MemorySegment.copy(values, Rows.NATIVE_FLOAT, 0, rowBytes, Rows.FILE_FLOAT, 0, vocab);
        writeRow();
    }

    public int steps() {
        return steps;
    }

    /** Writes the header for the rows appended so far and moves the file to its target name. */
    public Path finish() throws IOException {
        checkWritable();
        try {
            writeFully(channel.position(0), ByteBuffer.wrap(NpyHeader.encode(steps, vocab)));
            channel.close();
            file.commit();
            done = true;
            return target;
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Discards the file unless {@link #finish()} succeeded; idempotent. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try (file) {
            channel.close();
        }
    }

    private void writeRow() throws IOException {
        if (steps == Integer.MAX_VALUE) {
            throw new IllegalStateException("an NPY trace holds at most " + Integer.MAX_VALUE + " steps");
        }
        writeFully(channel, row.clear());
        steps++;
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void checkWritable() {
        if (done) {
            throw new IllegalStateException("NPY writer for " + target + " is finished or closed");
        }
    }
}
