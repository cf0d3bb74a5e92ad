package org.hawkeye.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.google.protobuf.ByteString;

import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.onnx.proto.OnnxProto.TensorProto;
import org.junit.jupiter.api.Test;

class TensorDecoderTest {

    private static TensorProto raw(DataType type, byte[] bytes, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(type.onnxCode()).setRawData(ByteString.copyFrom(bytes));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static TensorData decode(TensorProto t) {
        return TensorDecoder.decode(t, "t", TensorDecoder.SMALL_TENSOR_ELEMENTS);
    }

    @Test
    void rawDataIsLittleEndian() {
        assertThat(decode(raw(DataType.FLOAT, le(8).putFloat(1.5f).putFloat(-2f).array(), 2)).toDoubles())
                .containsExactly(1.5, -2.0);
        assertThat(decode(raw(DataType.DOUBLE, le(8).putDouble(0.25).array(), 1)).toDoubles()).containsExactly(0.25);
        assertThat(decode(raw(DataType.INT64, le(16).putLong(-1).putLong(1L << 40).array(), 2)).toLongs())
                .containsExactly(-1, 1L << 40);
        assertThat(decode(raw(DataType.INT32, le(4).putInt(-7).array(), 1)).toLongs()).containsExactly(-7);
    }

    @Test
    void bytesAreSignedOrUnsignedByType() {
        byte[] b = {(byte) 0xFF, 1};
        assertThat(decode(raw(DataType.INT8, b, 2)).toLongs()).containsExactly(-1, 1);
        assertThat(decode(raw(DataType.UINT8, b, 2)).toLongs()).containsExactly(255, 1);
        assertThat(decode(raw(DataType.BOOL, new byte[] {1, 0}, 2)).toLongs()).containsExactly(1, 0);
    }

    @Test
    void halfFloats() {
        // IEEE binary16: 0x3C00 = 1.0, 0xC000 = -2.0, 0x3800 = 0.5, 0x0001 = 2^-24 (smallest subnormal)
        byte[] b = le(8).putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3800)
                .putShort((short) 0x0001).array();
        assertThat(decode(raw(DataType.FLOAT16, b, 4)).toDoubles()).containsExactly(1.0, -2.0, 0.5, Math.pow(2, -24));
    }

    @Test
    void typedFields() {
        TensorProto f = TensorProto.newBuilder().setDataType(1).addDims(2).addFloatData(3f).addFloatData(4f).build();
        assertThat(decode(f).toDoubles()).containsExactly(3.0, 4.0);
        TensorProto i = TensorProto.newBuilder().setDataType(7).addInt64Data(9).build();
        assertThat(decode(i).shape()).isEqualTo(Shape.SCALAR);
        assertThat(decode(i).toLongs()).containsExactly(9);
        // INT8 travels in int32_data
        TensorProto b = TensorProto.newBuilder().setDataType(3).addDims(1).addInt32Data(-3).build();
        assertThat(decode(b).toLongs()).containsExactly(-3);
    }

    @Test
    void noPayloadTooLargeOrExternalMeansNoData() {
        TensorProto stripped = TensorProto.newBuilder().setDataType(1).addDims(64).addDims(3).build();
        assertThat(decode(stripped)).isNull();
        assertThat(TensorDecoder.shape(stripped, "t")).isEqualTo(Shape.of(64, 3));
        // 4097 elements is one over the limit
        TensorProto big = raw(DataType.UINT8, new byte[4097], 4097);
        assertThat(decode(big)).isNull();
        TensorProto external = raw(DataType.UINT8, new byte[2], 2).toBuilder()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).build();
        assertThat(decode(external)).isNull();
    }
}
