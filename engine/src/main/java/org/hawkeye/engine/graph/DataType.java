package org.hawkeye.engine.graph;

/** Element types of ONNX tensors, numbered as in the ONNX IR's {@code TensorProto.DataType}. */
public enum DataType {
    UNDEFINED(0), FLOAT(1), UINT8(2), INT8(3), UINT16(4), INT16(5), INT32(6), INT64(7), STRING(8),
    BOOL(9), FLOAT16(10), DOUBLE(11), UINT32(12), UINT64(13), COMPLEX64(14), COMPLEX128(15),
    BFLOAT16(16), FLOAT8E4M3FN(17), FLOAT8E4M3FNUZ(18), FLOAT8E5M2(19), FLOAT8E5M2FNUZ(20),
    UINT4(21), INT4(22), FLOAT4E2M1(23), FLOAT8E8M0(24), UINT2(25), INT2(26), FLOAT6E2M3(27), FLOAT6E3M2(28);

    private final int onnxCode;

    DataType(int onnxCode) {
        this.onnxCode = onnxCode;
    }

    public int onnxCode() {
        return onnxCode;
    }

    /** The type for an ONNX code; codes this table does not know map to UNDEFINED (the importer rejects them). */
    public static DataType fromOnnx(int code) {
        return isKnown(code) ? values()[code] : UNDEFINED;
    }

    /** True for the codes of the ONNX IR's element types (1 to 28); 0 is UNDEFINED, others do not exist. */
    public static boolean isKnown(int code) {
        return code > 0 && code < values().length;
    }

    /** The type named as the ONNX operator specification writes it: {@code float16}, {@code bool}. */
    public static DataType fromSpecName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** The name as the ONNX operator specification writes it. */
    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isFloatingPoint() {
        return switch (this) {
            case FLOAT, DOUBLE, FLOAT16, BFLOAT16, FLOAT8E4M3FN, FLOAT8E4M3FNUZ, FLOAT8E5M2, FLOAT8E5M2FNUZ,
                 FLOAT4E2M1, FLOAT8E8M0, FLOAT6E2M3, FLOAT6E3M2 -> true;
            default -> false;
        };
    }

    public boolean isInteger() {
        return switch (this) {
            case UINT8, INT8, UINT16, INT16, INT32, INT64, UINT32, UINT64, UINT4, INT4, UINT2, INT2 -> true;
            default -> false;
        };
    }
}
