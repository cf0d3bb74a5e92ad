package org.hawkeye.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A named tensor of the graph. Its type is filled by the importer (declared) and then by shape inference;
 * {@code data} holds its value when it is known statically.
 */
public final class Value {
    private final String name;
    private final ValueKind kind;
    private DataType dataType;
    private Shape shape;
    private TensorData data;
    private DataType declaredDataType;
    private Shape declaredShape;
    private List<String> declaredDimNames;
    private List<Long> declaredDimSizes;

    public Value(String name, ValueKind kind, DataType dataType, Shape shape, TensorData data) {
        this.name = name;
        this.kind = kind;
        this.dataType = dataType;
        this.shape = shape;
        this.data = data;
    }

    public String name() {
        return name;
    }

    public ValueKind kind() {
        return kind;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The inferred shape, or null before shape inference reached this value. */
    public Shape shape() {
        return shape;
    }

    public TensorData data() {
        return data;
    }

    public boolean hasData() {
        return data != null;
    }

    public void setType(DataType dataType, Shape shape) {
        this.dataType = dataType;
        this.shape = shape;
    }

    public void setData(TensorData data) {
        this.data = data;
    }

    /**
     * The type the file declares (graph input/output or value_info), kept apart from the inferred type: shape
     * inference ignores it except for ops it does not know, and tests compare against it. Null when the file
     * declares nothing or a symbolic dimension.
     */
    public Shape declaredShape() {
        return declaredShape;
    }

    /** The element type the file declares, or null. */
    public DataType declaredDataType() {
        return declaredDataType;
    }

    /** Records the file's declaration; the importer calls this before any inference. */
    public void declare(DataType dataType, Shape shape) {
        this.declaredDataType = dataType;
        this.declaredShape = shape;
    }

    /**
     * For a data input exported with dynamic axes: each axis's symbolic name as the file gives it (its dim_param,
     * "?" when unnamed), null for an axis of fixed size; null when every axis is fixed. Its size is the rank.
     */
    public List<String> declaredDimNames() {
        return declaredDimNames;
    }

    /** With {@link #declaredDimNames}: the size of each fixed axis, null for a symbolic one; null likewise. */
    public List<Long> declaredDimSizes() {
        return declaredDimSizes;
    }

    /** Records the axes of a data input whose shape has symbolic axes: their names, and the fixed axes' sizes. */
    public void declareDynamicAxes(List<String> names, List<Long> sizes) {
        if (names.size() != sizes.size()) {
            throw new IllegalArgumentException("one name or size per axis: " + names + ", " + sizes);
        }
        this.declaredDimNames = Collections.unmodifiableList(new ArrayList<>(names));
        this.declaredDimSizes = Collections.unmodifiableList(new ArrayList<>(sizes));
    }

    @Override
    public String toString() {
        return name + ":" + dataType + "[" + shape + "]";
    }
}
