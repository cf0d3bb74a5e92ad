package org.hawkeye.engine.onnx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hawkeye.engine.graph.DataType;

/**
 * The ONNX operator specification of the default domain as data ({@code operators.tsv}, generated from the onnx
 * package's schemas; docs/robustness.md says how): for every op and every opset at which its definition changed,
 * the input and output counts, the attributes with their types, and the element types each input takes.
 */
final class OperatorSchemas {

    /** An attribute an op defines; {@code type} as the IR names it (INT, INTS, FLOAT, STRING, TENSOR, ...). */
    record Attribute(String name, String type, boolean required) {
    }

    /**
     * A formal input: {@code option} is ' ' (required), '?' (optional) or '*' (variadic, the last one);
     * {@code param} the type parameter inputs share ("_" when the input has its own fixed type); {@code types}
     * the element types it takes, or null when it takes no plain tensor (sequences, optionals) and is not checked.
     */
    record Input(String name, char option, String param, Set<DataType> types) {
    }

    /** One definition of an op, valid from opset {@code since} until the next one. */
    record Schema(String op, int since, int minInputs, int maxInputs, int minOutputs, int maxOutputs,
                  Map<String, Attribute> attributes, List<Input> inputs) {

        /** The formal input that actual input {@code i} binds to (a variadic last one takes the rest). */
        Input formal(int i) {
            if (inputs.isEmpty()) {
                return null;
            }
            return i < inputs.size() ? inputs.get(i) : inputs.get(inputs.size() - 1).option() == '*'
                    ? inputs.get(inputs.size() - 1) : null;
        }
    }

    private static final String RESOURCE = "operators.tsv";
    private static final Map<String, List<Schema>> BY_OP = load();
    /** The newest opset the table defines. */
    static final int NEWEST_OPSET = BY_OP.values().stream().flatMap(List::stream).mapToInt(Schema::since).max()
            .orElseThrow();

    private OperatorSchemas() {
    }

    /** True when the specification defines {@code op} at some opset. */
    static boolean knows(String op) {
        return BY_OP.containsKey(op);
    }

    /** The definition of {@code op} in force at {@code opset}, or null when the op does not exist yet there. */
    static Schema at(String op, long opset) {
        Schema found = null;
        for (Schema s : BY_OP.getOrDefault(op, List.of())) {
            if (s.since() <= opset) {
                found = s;
            }
        }
        return found;
    }

    /** The opset at which {@code op} first appears. */
    static int firstOpset(String op) {
        return BY_OP.get(op).get(0).since();
    }

    private static Map<String, List<Schema>> load() {
        Map<String, List<Schema>> out = new HashMap<>();
        try (InputStream in = OperatorSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    Schema s = parse(line.split("\t"));
                    out.computeIfAbsent(s.op(), k -> new ArrayList<>()).add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.since(), b.since())));
        return out;
    }

    private static Schema parse(String[] f) {
        int[] in = range(f[2]);
        int[] out = range(f[3]);
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        if (!f[4].equals("-")) {
            for (String a : f[4].split(" ")) {
                String[] nt = a.split(":");
                boolean required = nt[1].endsWith("!");
                String type = required ? nt[1].substring(0, nt[1].length() - 1) : nt[1];
                attributes.put(nt[0], new Attribute(nt[0], type, required));
            }
        }
        List<Input> inputs = new ArrayList<>();
        if (!f[5].equals("-")) {
            for (String i : f[5].split(" ")) {
                int colon = i.indexOf(':');
                int eq = i.indexOf('=', colon);
                String name = i.substring(0, colon);
                char option = name.endsWith("?") || name.endsWith("*") ? name.charAt(name.length() - 1) : ' ';
                inputs.add(new Input(option == ' ' ? name : name.substring(0, name.length() - 1), option,
                        i.substring(colon + 1, eq), types(i.substring(eq + 1))));
            }
        }
        return new Schema(f[0], Integer.parseInt(f[1]), in[0], in[1], out[0], out[1], attributes, List.copyOf(inputs));
    }

    private static Set<DataType> types(String list) {
        if (list.equals("any")) {
            return null;
        }
        Set<DataType> types = EnumSet.noneOf(DataType.class);
        for (String t : list.split(",")) {
            types.add(DataType.fromSpecName(t));
        }
        return types;
    }

    private static int[] range(String s) {
        String[] mm = s.split("\\.\\.");
        return new int[] {Integer.parseInt(mm[0]), mm[1].equals("*") ? Integer.MAX_VALUE : Integer.parseInt(mm[1])};
    }
}
