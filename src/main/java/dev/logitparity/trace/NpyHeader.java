package dev.logitparity.trace;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of an NPY file holding a little-endian float32, C-order {@code [steps, vocab]} matrix, the only kind
 * this project writes or reads (a 1-D array reads as one step). Format: numpy's {@code numpy/lib/format.py}, NEP 1.
 *
 * @param dataOffset where the data starts: the whole header's length
 */
record NpyHeader(int steps, int vocab, int dataOffset) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    // numpy pads the leading dimension to this many digits so the header can be rewritten in place as the array
    // grows; NpyWriter relies on the same property to patch the step count after streaming the rows.
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final ValueLayout.OfShort LE_SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final String WANTED_DESCR = "<f4";
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN_ORDER = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(\\w+)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern DIMENSION = Pattern.compile("\\d{1,18}");

    /** The version 1.0 header numpy's {@code numpy.save} writes for a {@code '<f4'} array of this shape, byte for byte. */
    static byte[] encode(int steps, int vocab) {
        String dict = "{'descr': '" + WANTED_DESCR + "', 'fortran_order': False, 'shape': (" + steps + ", " + vocab
                + "), }" + " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(steps).length());
        int prefix = MAGIC.length + 2 + Short.BYTES;
        int unpadded = dict.length() + 1;
        int padding = ALIGN - (prefix + unpadded) % ALIGN;
        byte[] header = new byte[prefix + unpadded + padding];
        System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
        header[MAGIC.length] = 1;
        header[MAGIC.length + 1] = 0;
        MemorySegment.ofArray(header).set(LE_SHORT, MAGIC.length + 2, (short) (unpadded + padding));
        byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, prefix, text.length);
        return header;
    }

    /** Reads and checks the header at the start of {@code file}'s bytes, including that the data is all there. */
    static NpyHeader parse(Path file, MemorySegment bytes) throws TraceFormatException {
        if (bytes.byteSize() < MAGIC.length
                || !Arrays.equals(readBytes(file, bytes, 0, MAGIC.length), MAGIC)) {
            throw new TraceFormatException(file, "not an NPY file (bad magic)");
        }
        byte[] version = readBytes(file, bytes, MAGIC.length, 2);
        int major = version[0];
        int lengthField = switch (major) {
            case 1 -> Short.BYTES;
            case 2, 3 -> Integer.BYTES;
            default -> throw new TraceFormatException(file, "unsupported NPY version " + major + "." + version[1]);
        };
        ensureAvailable(file, bytes, MAGIC.length + 2, lengthField);
        long headerLength = lengthField == Short.BYTES
                ? Short.toUnsignedInt(bytes.get(LE_SHORT, MAGIC.length + 2))
                : Integer.toUnsignedLong(bytes.get(LE_INT, MAGIC.length + 2));
        long textStart = MAGIC.length + 2 + lengthField;
        if (textStart + headerLength > Integer.MAX_VALUE) {
            throw new TraceFormatException(file, "header length " + headerLength + " is implausible");
        }
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String dict = new String(readBytes(file, bytes, textStart, headerLength), charset);
        int dataOffset = (int) (textStart + headerLength);

        String descr = find(file, DESCR, dict, "descr");
        if (!descr.equals(WANTED_DESCR)) {
            throw new TraceFormatException(file, "unsupported dtype '" + descr + "' (want '" + WANTED_DESCR + "')");
        }
        long[] shape = parseShape(file, find(file, SHAPE, dict, "shape"));
        String fortranOrder = find(file, FORTRAN_ORDER, dict, "fortran_order");
        // A 1-D array has the same layout in either order.
        if (!fortranOrder.equals("False") && !(fortranOrder.equals("True") && shape.length == 1)) {
            throw new TraceFormatException(file, "fortran_order " + fortranOrder + " not supported (want C order)");
        }
        long steps = shape.length == 1 ? 1 : shape[0];
        long vocab = shape[shape.length - 1];
        if (steps > Integer.MAX_VALUE || vocab > Integer.MAX_VALUE || vocab == 0) {
            throw new TraceFormatException(file, "unsupported shape " + shapeText(shape) + " (want [steps, vocab > 0])");
        }
        // Below 2^64 for int dimensions, so exact when read as unsigned.
        long dataBytes = steps * vocab * Float.BYTES;
        long present = Math.max(0, bytes.byteSize() - dataOffset);
        if (Long.compareUnsigned(present, dataBytes) < 0) {
            throw new TraceFormatException(file, "truncated: shape " + shapeText(shape) + " needs "
                    + Long.toUnsignedString(dataBytes) + " data bytes after the " + dataOffset
                    + "-byte header, file has " + present);
        }
        if (present > dataBytes) {
            throw new TraceFormatException(file, (present - dataBytes) + " unexpected bytes after the "
                    + shapeText(shape) + " data");
        }
        return new NpyHeader((int) steps, (int) vocab, dataOffset);
    }

    private static long[] parseShape(Path file, String tuple) throws TraceFormatException {
        String[] parts = Arrays.stream(tuple.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        if (parts.length < 1 || parts.length > 2) {
            throw new TraceFormatException(file, "unsupported shape (" + tuple + ") (want 2-D [steps, vocab])");
        }
        long[] shape = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!DIMENSION.matcher(parts[i]).matches()) {
                throw new TraceFormatException(file, "unreadable shape (" + tuple + ")");
            }
            shape[i] = Long.parseLong(parts[i]);
        }
        return shape;
    }

    private static String shapeText(long[] shape) {
        return shape.length == 1 ? "(" + shape[0] + ",)" : "(" + shape[0] + ", " + shape[1] + ")";
    }

    private static String find(Path file, Pattern key, String dict, String name) throws TraceFormatException {
        Matcher m = key.matcher(dict);
        if (!m.find()) {
            throw new TraceFormatException(file, "header has no readable '" + name + "': "
                    + dict.strip().substring(0, Math.min(dict.strip().length(), 120)));
        }
        return m.group(1);
    }

    private static byte[] readBytes(Path file, MemorySegment bytes, long offset, long length)
            throws TraceFormatException {
        ensureAvailable(file, bytes, offset, length);
        return bytes.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    private static void ensureAvailable(Path file, MemorySegment bytes, long offset, long length)
            throws TraceFormatException {
        if (bytes.byteSize() < offset + length) {
            throw new TraceFormatException(file, "truncated header (file has " + bytes.byteSize() + " bytes)");
        }
    }
}
