package dev.logitparity.llama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Optional;

/** llama's "write into my buffer, return the length you wanted" string calls. */
final class NativeStrings {

    @FunctionalInterface
    interface Writer {
        int write(MemorySegment buf, long size);
    }

    private static final int FIRST_TRY = 256;

    private NativeStrings() {
    }

    /** Empty when llama returns a negative length without a size hint (key not found). */
    static Optional<String> read(Arena arena, Writer writer) {
        MemorySegment buf = arena.allocate(FIRST_TRY);
        int n = writer.write(buf, FIRST_TRY);
        if (n < 0) {
            return Optional.empty();
        }
        if (n >= FIRST_TRY) {
            buf = arena.allocate(n + 1L);
            n = writer.write(buf, n + 1L);
        }
        return Optional.of(buf.getString(0));
    }
}
