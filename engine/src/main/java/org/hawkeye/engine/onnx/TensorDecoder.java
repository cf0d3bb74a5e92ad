package org.hawkeye.engine.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;

/**
 * Reads a TensorProto's header and, when it is present and small, its payload. Weights are never needed by
 * hawkeye, so a missing payload (stripped file) or an external one (a {@code .data} side file) is normal and
 * simply yields no data; external files are never opened.
 */
final class TensorDecoder {

    /** Initializers up to this many elements keep their values (biases, shape operands, index tensors). */
    static final int SMALL_TENSOR_ELEMENTS = 4096;

    private TensorDecoder() {
    }

    static DataType dataType(TensorProto t) {
        return DataType.fromOnnx(t.getDataType());
    }

    /** The tensor's dims as a Shape; a negative dim is a broken file. */
    static Shape shape(TensorProto t, String what) {
        List<Long> dims = new ArrayList<>(t.getDimsCount());
        for (long d : t.getDimsList()) {
            if (d < 0) {
                throw new IllegalArgumentException(what + " has a negative dimension in " + t.getDimsList());
            }
            dims.add(d);
        }
        try {
            return new Shape(dims);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The tensor's values, or null when there is no payload here (stripped or external), it has more than
     * {@code maxElements} elements, or its element type has no numeric reading (strings, complex, 4/8-bit floats).
     */
    static TensorData decode(TensorProto t, String what, int maxElements) {
        Shape shape = shape(t, what);
        long n = shape.numel();
        if (n > maxElements || t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            return null;
        }
        DataType type = dataType(t);
        int count = (int) n;
        if (t.hasRawData() && !t.getRawData().isEmpty()) {
            return fromRaw(type, shape, t, count, what);
        }
        return fromTypedFields(type, shape, t, count);
    }

    private static TensorData fromRaw(DataType type, Shape shape, TensorProto t, int count, String what) {
        int width = byteWidth(type);
        if (width == 0) {
            return null;
        }
        ByteBuffer buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (buf.remaining() != (long) count * width) {
            throw new IllegalArgumentException(what + " of shape " + shape + " has " + buf.remaining()
                    + " bytes of raw data, expected " + count + " x " + width);
        }
        if (type.isFloatingPoint()) {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = switch (type) {
                    case FLOAT -> buf.getFloat();
                    case DOUBLE -> buf.getDouble();
                    case FLOAT16 -> halfToFloat(buf.getShort());
                    case BFLOAT16 -> Float.intBitsToFloat((buf.getShort() & 0xFFFF) << 16);
                    default -> throw new IllegalStateException("no float reading for " + type);
                };
            }
            return TensorData.ofDoubles(type, shape, v);
        }
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (type) {
                case INT8 -> buf.get();
                case UINT8, BOOL -> buf.get() & 0xFF;
                case INT16 -> buf.getShort();
                case UINT16 -> buf.getShort() & 0xFFFF;
                case INT32 -> buf.getInt();
                case UINT32 -> buf.getInt() & 0xFFFFFFFFL;
                case INT64, UINT64 -> buf.getLong();
                default -> throw new IllegalStateException("no integer reading for " + type);
            };
        }
        return TensorData.ofLongs(type, shape, v);
    }

    /** Bytes per element in raw_data, or 0 for types hawkeye does not read. */
    private static int byteWidth(DataType type) {
        return switch (type) {
            case INT8, UINT8, BOOL -> 1;
            case INT16, UINT16, FLOAT16, BFLOAT16 -> 2;
            case INT32, UINT32, FLOAT -> 4;
            case INT64, UINT64, DOUBLE -> 8;
            default -> 0;
        };
    }

    /** The IR spec's typed fields; a field holding fewer values than the shape means "no payload". */
    private static TensorData fromTypedFields(DataType type, Shape shape, TensorProto t, int count) {
        switch (type) {
            case FLOAT -> {
                if (t.getFloatDataCount() != count) {
                    return null;
                }
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    v[i] = t.getFloatData(i);
                }
                return TensorData.ofDoubles(type, shape, v);
            }
            case DOUBLE -> {
                if (t.getDoubleDataCount() != count) {
                    return null;
                }
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    v[i] = t.getDoubleData(i);
                }
                return TensorData.ofDoubles(type, shape, v);
            }
            case FLOAT16, BFLOAT16 -> {
                // Half floats travel as their 16 raw bits in int32_data.
                if (t.getInt32DataCount() != count) {
                    return null;
                }
                double[] v = new double[count];
                for (int i = 0; i < count; i++) {
                    int bits = t.getInt32Data(i) & 0xFFFF;
                    v[i] = type == DataType.FLOAT16 ? halfToFloat((short) bits) : Float.intBitsToFloat(bits << 16);
                }
                return TensorData.ofDoubles(type, shape, v);
            }
            case INT8, UINT8, INT16, UINT16, INT32, BOOL -> {
                if (t.getInt32DataCount() != count) {
                    return null;
                }
                long[] v = new long[count];
                for (int i = 0; i < count; i++) {
                    v[i] = t.getInt32Data(i);
                }
                return TensorData.ofLongs(type, shape, v);
            }
            case INT64 -> {
                if (t.getInt64DataCount() != count) {
                    return null;
                }
                return TensorData.ofLongs(type, shape, t.getInt64DataList().stream().mapToLong(Long::longValue).toArray());
            }
            case UINT32, UINT64 -> {
                if (t.getUint64DataCount() != count) {
                    return null;
                }
                return TensorData.ofLongs(type, shape, t.getUint64DataList().stream().mapToLong(Long::longValue).toArray());
            }
            default -> {
                return null;
            }
        }
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            // Subnormal (or zero): value = mant * 2^-24.
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
