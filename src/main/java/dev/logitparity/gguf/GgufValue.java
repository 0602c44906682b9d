package dev.logitparity.gguf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One GGUF metadata value. Scalars keep their exact GGUF type so that a value read from one file is written back to
 * another unchanged (llama.cpp's loader checks types strictly: a context length stored as INT32 instead of UINT32 is
 * rejected).
 *
 * <p>Integers of every width are held in a {@code long}; a UINT64 above {@link Long#MAX_VALUE} is held as its two's
 * complement bits. Arrays are one-dimensional: GGUF allows arrays of arrays, but ggml's own reader rejects them.
 */
public sealed interface GgufValue {

    /** The value's GGUF type; {@link GgufValueType#ARRAY} for every array. */
    GgufValueType type();

    record Int(GgufValueType type, long value) implements GgufValue {
        public Int {
            checkInRange(type, value);
        }
    }

    record Real(GgufValueType type, double value) implements GgufValue {
        public Real {
            checkReal(type, value);
        }
    }

    record Bool(boolean value) implements GgufValue {
        @Override
        public GgufValueType type() {
            return GgufValueType.BOOL;
        }
    }

    record Str(String value) implements GgufValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.STRING;
        }
    }

    /** An array of one integer type. Arrays are copied in and out: a value is immutable. */
    record IntArray(GgufValueType elementType, long[] values) implements GgufValue {
        public IntArray {
            values = values.clone();
            for (long v : values) {
                checkInRange(elementType, v);
            }
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        @Override
        public long[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IntArray(GgufValueType t, long[] v) && t == elementType && Arrays.equals(v, values);
        }

        @Override
        public int hashCode() {
            return 31 * elementType.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "IntArray[" + elementType + " x " + values.length + "]";
        }
    }

    record RealArray(GgufValueType elementType, double[] values) implements GgufValue {
        public RealArray {
            values = values.clone();
            for (double v : values) {
                checkReal(elementType, v);
            }
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RealArray(GgufValueType t, double[] v) && t == elementType && Arrays.equals(v, values);
        }

        @Override
        public int hashCode() {
            return 31 * elementType.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "RealArray[" + elementType + " x " + values.length + "]";
        }
    }

    record BoolArray(boolean[] values) implements GgufValue {
        public BoolArray {
            values = values.clone();
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        @Override
        public boolean[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BoolArray(boolean[] v) && Arrays.equals(v, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "BoolArray[" + values.length + "]";
        }
    }

    record StrArray(List<String> values) implements GgufValue {
        public StrArray {
            values = List.copyOf(values);
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        @Override
        public String toString() {
            return "StrArray[" + values.size() + "]";
        }
    }

    /** The element type of an array; the value's own type for a scalar. */
    default GgufValueType elementType() {
        return switch (this) {
            case IntArray a -> a.elementType();
            case RealArray a -> a.elementType();
            case BoolArray _ -> GgufValueType.BOOL;
            case StrArray _ -> GgufValueType.STRING;
            default -> type();
        };
    }

    /** Number of elements of an array; 1 for a scalar. */
    default int length() {
        return switch (this) {
            case IntArray a -> a.values.length;
            case RealArray a -> a.values.length;
            case BoolArray a -> a.values.length;
            case StrArray a -> a.values.size();
            default -> 1;
        };
    }

    default long asLong() {
        if (this instanceof Int(GgufValueType _, long v)) {
            return v;
        }
        throw mismatch("an integer");
    }

    default double asDouble() {
        return switch (this) {
            case Real(GgufValueType _, double v) -> v;
            case Int(GgufValueType _, long v) -> v;
            default -> throw mismatch("a number");
        };
    }

    default String asString() {
        if (this instanceof Str(String v)) {
            return v;
        }
        throw mismatch("a string");
    }

    default boolean asBoolean() {
        if (this instanceof Bool(boolean v)) {
            return v;
        }
        throw mismatch("a bool");
    }

    default List<String> asStrings() {
        if (this instanceof StrArray(List<String> v)) {
            return v;
        }
        throw mismatch("a string array");
    }

    private IllegalStateException mismatch(String expected) {
        return new IllegalStateException("expected " + expected + " but the value is " + describeType());
    }

    /** {@code UINT32}, or {@code ARRAY[STRING]} for an array. */
    default String describeType() {
        return type() == GgufValueType.ARRAY ? "ARRAY[" + elementType() + "]" : type().name();
    }

    static GgufValue uint8(int v) {
        return new Int(GgufValueType.UINT8, v);
    }

    static GgufValue int8(int v) {
        return new Int(GgufValueType.INT8, v);
    }

    static GgufValue uint16(int v) {
        return new Int(GgufValueType.UINT16, v);
    }

    static GgufValue int16(int v) {
        return new Int(GgufValueType.INT16, v);
    }

    static GgufValue uint32(long v) {
        return new Int(GgufValueType.UINT32, v);
    }

    static GgufValue int32(int v) {
        return new Int(GgufValueType.INT32, v);
    }

    static GgufValue uint64(long bits) {
        return new Int(GgufValueType.UINT64, bits);
    }

    static GgufValue int64(long v) {
        return new Int(GgufValueType.INT64, v);
    }

    static GgufValue float32(float v) {
        return new Real(GgufValueType.FLOAT32, v);
    }

    static GgufValue float64(double v) {
        return new Real(GgufValueType.FLOAT64, v);
    }

    static GgufValue bool(boolean v) {
        return new Bool(v);
    }

    static GgufValue string(String v) {
        return new Str(v);
    }

    static GgufValue stringArray(List<String> v) {
        return new StrArray(v);
    }

    static GgufValue int32Array(int... v) {
        return new IntArray(GgufValueType.INT32, Arrays.stream(v).asLongStream().toArray());
    }

    static GgufValue float32Array(float... v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return new RealArray(GgufValueType.FLOAT32, d);
    }

    private static void checkInRange(GgufValueType type, long v) {
        boolean ok = switch (type) {
            case UINT8 -> v >= 0 && v <= 0xFF;
            case INT8 -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
            case UINT16 -> v >= 0 && v <= 0xFFFF;
            case INT16 -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
            case UINT32 -> v >= 0 && v <= 0xFFFF_FFFFL;
            case INT32 -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT64, INT64 -> true;
            default -> throw new IllegalArgumentException(type + " is not an integer type");
        };
        if (!ok) {
            throw new IllegalArgumentException(v + " does not fit " + type);
        }
    }

    private static void checkReal(GgufValueType type, double v) {
        if (!type.isReal()) {
            throw new IllegalArgumentException(type + " is not a floating-point type");
        }
        // a FLOAT32 must round-trip through float, or writing it would silently change it
        if (type == GgufValueType.FLOAT32 && (double) (float) v != v && !Double.isNaN(v)) {
            throw new IllegalArgumentException(v + " is not exactly representable as FLOAT32");
        }
    }
}
