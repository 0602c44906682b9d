package dev.logitparity.trace;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Logits read on demand from a memory-mapped NPY file: heap use does not grow with the number of steps, and a row is
 * one bulk copy out of the mapping. Safe to read from several threads; {@link #close()} unmaps the file.
 */
public final class NpyLogits implements Logits {
    private final Path file;
    private final Arena arena;
    private final MemorySegment data;
    private final int steps;
    private final int vocab;
    private volatile boolean closed;

    private NpyLogits(Path file, Arena arena, MemorySegment data, int steps, int vocab) {
        this.file = file;
        this.arena = arena;
        this.data = data;
        this.steps = steps;
        this.vocab = vocab;
    }

    /**
     * Maps {@code file} read-only and checks its header and length.
     *
     * @throws TraceFormatException if it is not a complete little-endian float32 C-order 1-D or 2-D NPY array
     */
    public static NpyLogits open(Path file) throws IOException {
        // Shared, not confined: a trace is often read on one thread and compared on others.
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            NpyHeader header = NpyHeader.parse(file, whole);
            return new NpyLogits(file, arena, whole.asSlice(header.dataOffset()), header.steps(), header.vocab());
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int vocab() {
        return vocab;
    }

    @Override
    public void copyRow(int step, float[] dst) {
        checkOpen();
        Objects.checkIndex(step, steps);
        Rows.checkTarget(dst, vocab);
        MemorySegment.copy(data, Rows.FILE_FLOAT, (long) step * vocab * Float.BYTES, dst, 0, vocab);
    }

    @Override
    public float get(int step, int token) {
        checkOpen();
        Objects.checkIndex(step, steps);
        Objects.checkIndex(token, vocab);
        return data.get(Rows.FILE_FLOAT, ((long) step * vocab + token) * Float.BYTES);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "NpyLogits[" + file + ", " + steps + " x " + vocab + (closed ? ", closed]" : "]");
    }

    // The arena would refuse access too, but with a message that does not say which file.
    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
    }
}
