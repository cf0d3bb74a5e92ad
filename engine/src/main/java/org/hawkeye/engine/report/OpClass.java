package org.hawkeye.engine.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Linear, non-linear or other: the coarse class of an op type that reports split costs by. The table is data,
 * {@code op-classes.properties} beside this class, so that the split is documented and changed in one place.
 */
public enum OpClass {
    LINEAR("linear"), NONLINEAR("non-linear"), OTHER("other");

    private static final Map<String, OpClass> BY_OP_TYPE = load();

    private final String label;

    OpClass(String label) {
        this.label = label;
    }

    /** How reports name the class: linear, non-linear, other. */
    public String label() {
        return label;
    }

    /** The class of an ONNX op type; op types the table does not name are OTHER. */
    public static OpClass of(String opType) {
        return BY_OP_TYPE.getOrDefault(opType, OTHER);
    }

    private static Map<String, OpClass> load() {
        Properties p = new Properties();
        try (InputStream in = OpClass.class.getResourceAsStream("op-classes.properties")) {
            if (in == null) {
                throw new IllegalStateException("op-classes.properties missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, OpClass> m = new HashMap<>();
        for (OpClass c : new OpClass[] {LINEAR, NONLINEAR}) {
            String key = c.name().toLowerCase(Locale.ROOT);
            for (String op : p.getProperty(key, "").split(",")) {
                String name = op.strip();
                if (!name.isEmpty() && m.put(name, c) != null) {
                    // a type listed twice would make the split depend on file order
                    throw new IllegalStateException("op-classes.properties lists " + name + " twice");
                }
            }
        }
        return Map.copyOf(m);
    }
}
