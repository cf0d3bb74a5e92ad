package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.graph.Attributes;
import org.hawkeye.engine.graph.DataType;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.graph.TensorData;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.graph.ValueKind;
import org.hawkeye.engine.lowering.RuleTrace;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.grammar.Formula;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.SpecReader;
import org.hawkeye.specs.WeightsMode;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each built-in framework's golden table (specs/FRAMEWORK/golden.yaml): one-op models, each with the rule that must
 * lower the op, the protocol calls it must make and the bits and rounds derived by hand from the framework's code
 * or paper (the derivation is written in the table, as arithmetic, with its source). A case is profiled as a model
 * of that one node whose inputs are the model's secret data, its weights and public constants as the case lists,
 * followed by the case's extra nodes when its rule looks at the op's neighbours (one of which may be the node checked).
 */
class GoldenTablesTest {
    private static final Path SPECS = Path.of("..", "specs");
    private static final SpecLibrary LIBRARY = SpecLibrary.load(List.of());
    private static final Profiler PROFILER = new Profiler(LIBRARY);
    /** The name of each case's op (its extra nodes are named by their op type and place, see extraName). */
    private static final String NODE = "/op";

    /** One table: the cases of one framework. */
    record Table(List<Case> cases) {
    }

    /**
     * One op: its inputs in order; attributes as ONNX names them; framework parameters; the weights mode (the
     * framework's default when absent); extra nodes after it, and which node is checked (the op unless check says);
     * what must fire on the checked node and what it must cost.
     */
    record Case(String name, String op, List<Input> inputs, Map<String, Object> attributes, Map<String, String> params,
                String weights, List<String> rules, List<String> calls, Traffic online, Traffic offline,
                @JsonProperty("same_cost_as") String sameCostAs, List<Extra> nodes, Integer check, List<Long> output,
                String source) {
        /** The node the case checks: the op, or with {@code check: K} the K-th extra node (the one writing yK). */
        String checked() {
            if (check == null) {
                return NODE;
            }
            assertThat(nodes != null && check >= 1 && check <= nodes.size())
                    .as("%s: check %s names no node of nodes: (1 .. %s)", name, check, nodes == null ? 0 : nodes.size())
                    .isTrue();
            return extraName(nodes.get(check - 1), check);
        }
    }

    /**
     * A node after the case's op, for ops whose rule looks at their neighbours (a fused SiLU, a product feeding an
     * Add and a ReLU): inputs name x0, x1, ... (the case's inputs), y (the op's output) or y1, y2, ... (the outputs
     * of the earlier extra nodes); only the case's op is checked, or the extra node that {@code check} names (an op
     * whose rule looks at what comes before it: a Div by a Sqrt, a softmax of masked scores).
     */
    record Extra(String op, List<String> inputs, Map<String, Object> attributes) {
    }

    /**
     * An input: a secret data input (kind input, the default), a weight, a public constant with its values, a
     * value computed before the op from a weight (kind computed: public when the weights are), or an optional
     * input left out (kind absent); type is the ONNX element type (float when absent). With nodes_only the op does
     * not read it, only extra nodes do (a BatchNormalization's parameters after a Conv).
     */
    record Input(List<Long> shape, String kind, String type, List<BigDecimal> value,
                 @JsonProperty("nodes_only") Boolean nodesOnly) {
        /** Whether the case's op reads this input (every input but those marked nodes_only). */
        boolean readByOp() {
            return !Boolean.TRUE.equals(nodesOnly);
        }
    }

    /** Bits and rounds as arithmetic (the hand derivation), evaluated exactly. */
    record Traffic(String bits, String rounds) {
    }

    @Test
    void everyBuiltInFrameworkHasAGoldenTable() {
        List<String> missing = LIBRARY.names().stream().filter(LIBRARY::isBuiltIn)
                .filter(n -> !Files.isRegularFile(SPECS.resolve(n).resolve("golden.yaml"))).toList();
        assertThat(missing).as("built-in frameworks without specs/FRAMEWORK/golden.yaml (a handful of one-op cases "
                + "with hand-derived costs; see docs/testing.md)").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseCostsWhatItsDerivationSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String framework : LIBRARY.names()) {
            Path file = SPECS.resolve(framework).resolve("golden.yaml");
            if (!LIBRARY.isBuiltIn(framework) || !Files.isRegularFile(file)) {
                continue;
            }
            Table table = read(file, framework);
            assertThat(table.cases()).as("cases of specs/%s/golden.yaml", framework).isNotEmpty();
            for (Case c : table.cases()) {
                tests.add(DynamicTest.dynamicTest(framework + " " + c.name(), () -> check(framework, c, table)));
            }
        }
        return tests.stream();
    }

    private static void check(String framework, Case c, Table table) {
        assertThat(c.source()).as("source of case %s", c.name()).isNotBlank();
        Profiled profiled = profile(framework, c);
        TreeNode op = profiled.op();
        String where = framework + " " + c.name() + " (" + c.checked() + ")";
        // every difference at once, so that the author of a case sees what fired and what it cost
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(profiled.acting()).as("rules that decided %s or added calls to it", where)
                .containsExactlyElementsOf(c.rules() == null ? List.of() : c.rules());
        soft.assertThat(callsUnder(op)).as("calls of %s", where)
                .containsExactlyElementsOf(c.calls() == null ? List.of() : c.calls());
        Cost cost = op.total();
        if (c.sameCostAs() != null) {
            // an op whose cost is, by its derivation, exactly another case's (a bound folded into a ReLU, ...)
            assertThat(c.online() == null && c.offline() == null).as("%s: same_cost_as or online/offline", where)
                    .isTrue();
            Case other = table.cases().stream().filter(o -> o.name().equals(c.sameCostAs())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": same_cost_as names no case of the table"));
            // the other case's cost is derived by hand, so that every relation ends in a derivation
            assertThat(other.sameCostAs()).as("%s: same_cost_as %s, which has no derivation of its own", where,
                    other.name()).isNull();
            soft.assertThat(cost).as("cost of %s, the same as %s's", where, other.name())
                    .isEqualTo(profile(framework, other).op().total());
            soft.assertAll();
            return;
        }
        Traffic none = new Traffic("0", "0");
        Traffic online = c.online() == null ? none : c.online();
        Traffic offline = c.offline() == null ? none : c.offline();
        soft.assertThat(cost.onlineBits()).as("online bits of %s: %s", where, online.bits())
                .isEqualTo(exact(online.bits()));
        soft.assertThat(cost.onlineRounds()).as("online rounds of %s: %s", where, online.rounds())
                .isEqualTo(exact(online.rounds()));
        soft.assertThat(cost.offlineBits()).as("offline bits of %s: %s", where, offline.bits())
                .isEqualTo(exact(offline.bits()));
        soft.assertThat(cost.offlineRounds()).as("offline rounds of %s: %s", where, offline.rounds())
                .isEqualTo(exact(offline.rounds()));
        soft.assertAll();
    }

    /** A case's op as profiled, and the rules that decided it or added calls to it, in order. */
    private record Profiled(TreeNode op, List<String> acting) {
    }

    private static Profiled profile(String framework, Case c) {
        ProfileOptions options = ProfileOptions.of(framework).withParams(c.params() == null ? Map.of() : c.params());
        if (c.weights() != null) {
            options = options.withWeights(WeightsMode.parse(c.weights()));
        }
        ProfileOptions chosen = options;
        RuleTrace trace = new RuleTrace(null);
        ProfileResult r = trace.during(() -> PROFILER.profile(graph(c), "golden_" + c.name(), chosen));
        List<TreeNode> ops = new ArrayList<>();
        collect(r.tree(), TreeNode.Kind.OP, ops);
        String node = c.checked();
        List<TreeNode> checked = ops.stream().filter(o -> ("/" + o.name()).equals(node)).toList();
        assertThat(checked).as("the node %s of case %s among %s", node, c.name(),
                ops.stream().map(TreeNode::name).toList()).hasSize(1);
        return new Profiled(checked.get(0), trace.acting(node));
    }

    /** The protocols the op's rules called, as "protocol(arg=value, ...)" and " x repeat" when it repeats. */
    private static List<String> callsUnder(TreeNode op) {
        List<String> out = new ArrayList<>();
        for (TreeNode call : op.children()) {
            if (call.kind() == TreeNode.Kind.PROTOCOL) {
                StringBuilder s = new StringBuilder(call.detail()).append('(');
                String sep = "";
                for (Map.Entry<String, Rational> a : call.args().entrySet()) {
                    s.append(sep).append(a.getKey()).append('=').append(a.getValue());
                    sep = ", ";
                }
                s.append(')');
                if (!call.repeat().equals(BigInteger.ONE)) {
                    s.append(" x ").append(call.repeat());
                }
                out.add(s.toString());
            }
        }
        return out;
    }

    private static BigInteger exact(String arithmetic) {
        Rational v = Formula.parse(arithmetic).evaluate(Map.of());
        assertThat(v.isInteger()).as("%s is a whole number", arithmetic).isTrue();
        return v.numerator();
    }

    /** The model of a case: inputs x0, x1, ... as the case lists them, the op writing y, then the extra nodes. */
    private static Graph graph(Case c) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<String> opInputs = new ArrayList<>();
        List<String> dataInputs = new ArrayList<>();
        List<Node> before = new ArrayList<>();
        for (int i = 0; i < c.inputs().size(); i++) {
            Input in = c.inputs().get(i);
            String name = "x" + i;
            Shape shape = Shape.of(in.shape().stream().mapToLong(Long::longValue).toArray());
            String kind = in.kind() == null ? "input" : in.kind();
            DataType type = in.type() == null ? DataType.FLOAT : DataType.valueOf(in.type().toUpperCase(Locale.ROOT));
            if (kind.equals("absent")) {
                opInputs.add(""); // an optional input left out, as ONNX writes it
                continue;
            }
            if (kind.equals("computed")) {
                // a value computed in the clear before the case's op, from a weight (public when the weights are;
                // no data, so that nothing folds it to a constant)
                Value source = new Value(name + "_weight", ValueKind.WEIGHT, type, shape, null);
                source.declare(type, shape);
                values.put(source.name(), source);
                values.put(name, new Value(name, ValueKind.ACTIVATION, type, null, null));
                before.add(new Node("/computed" + i, "Identity", "", List.of(source.name()), List.of(name),
                        Attributes.EMPTY));
                if (in.readByOp()) {
                    opInputs.add(name);
                }
                continue;
            }
            Value v = switch (kind) {
                case "input" -> new Value(name, ValueKind.INPUT, type, shape, null);
                case "weight" -> new Value(name, ValueKind.WEIGHT, type, shape, null);
                case "constant" -> new Value(name, ValueKind.CONSTANT, type, shape, type == DataType.FLOAT
                        ? TensorData.ofDoubles(type, shape, in.value().stream().mapToDouble(BigDecimal::doubleValue)
                                .toArray())
                        : TensorData.ofLongs(type, shape, in.value().stream().mapToLong(BigDecimal::longValueExact)
                                .toArray()));
                default -> throw new IllegalArgumentException(c.name() + ": input kind " + kind
                        + " (input, weight, constant, computed or absent)");
            };
            v.declare(type, shape);
            values.put(name, v);
            if (in.readByOp()) {
                opInputs.add(name);
            }
            if (kind.equals("input")) {
                dataInputs.add(name);
            }
        }
        Value y = new Value("y", ValueKind.ACTIVATION, DataType.FLOAT, null, null);
        if (c.output() != null) {
            // the shape an exporter declares, for an op hawkeye infers no shape for
            y.declare(DataType.FLOAT, Shape.of(c.output().stream().mapToLong(Long::longValue).toArray()));
        }
        values.put("y", y);
        List<Node> nodes = new ArrayList<>(before);
        nodes.add(new Node(NODE, c.op(), "", opInputs, List.of("y"), attributes(c.attributes())));
        String last = "y";
        List<Extra> extras = c.nodes() == null ? List.of() : c.nodes();
        for (int k = 1; k <= extras.size(); k++) {
            Extra e = extras.get(k - 1);
            last = "y" + k;
            values.put(last, new Value(last, ValueKind.ACTIVATION, DataType.FLOAT, null, null));
            nodes.add(new Node(extraName(e, k), e.op(), "", e.inputs(), List.of(last), attributes(e.attributes())));
        }
        return new Graph("golden_" + c.name(), nodes, values, dataInputs, List.of(last), Map.of());
    }

    /** The name of the K-th extra node of a case, the one writing yK. */
    private static String extraName(Extra e, int k) {
        return "/" + e.op() + k;
    }

    /** YAML's numbers as the importer types ONNX attributes: Long, Double, List of Long or of Double, String. */
    private static Attributes attributes(Map<String, Object> yaml) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (yaml != null) {
            yaml.forEach((k, v) -> out.put(k, typed(v)));
        }
        return new Attributes(out);
    }

    private static Object typed(Object v) {
        if (v instanceof List<?> list) {
            boolean whole = list.stream().allMatch(e -> !(e instanceof BigDecimal));
            return list.stream().map(e -> whole ? (Object) ((Number) e).longValue() : ((Number) e).doubleValue())
                    .toList();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        return v;
    }

    private static void collect(TreeNode n, TreeNode.Kind kind, List<TreeNode> out) {
        if (n.kind() == kind) {
            out.add(n);
        }
        n.children().forEach(c -> collect(c, kind, out));
    }

    private static Table read(Path file, String framework) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new SpecReader(Set.of()).read("specs/" + framework + "/golden.yaml", text, Table.class).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
