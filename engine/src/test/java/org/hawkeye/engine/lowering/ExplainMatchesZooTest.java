package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code explain OPTYPE} lists is what really fires: under every built-in framework, for every node of every zoo
 * model, each rule that decided the node or added calls to it is among the rules explain lists for the node's op
 * type, in the order explain lists them, and every protocol the node calls is one those rules @emits.
 */
class ExplainMatchesZooTest {
    private static Profiler profiler;
    private static List<Path> models;

    @BeforeAll
    static void load() throws IOException {
        String shared = System.getProperty("hawkeye.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "models");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "shared model folder not available");
        try (Stream<Path> s = Files.list(dir)) {
            models = s.filter(p -> p.toString().endsWith(".onnx")).sorted().toList();
        }
        profiler = new Profiler(SpecLibrary.load(List.of()));
    }

    static List<String> frameworks() {
        return SpecLibrary.load(List.of()).names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameworks")
    void explainListsTheRulesThatFireOnEveryZooNode(String framework) {
        List<RuleCatalog.Entry> catalog = profiler.ruleCatalog(framework);
        Map<String, RuleCatalog.Entry> byName = RuleCatalog.byName(catalog);
        Set<String> problems = new TreeSet<>();
        int checked = 0;
        for (Path model : models) {
            Graph graph = OnnxImporter.read(model);
            RuleTrace trace = new RuleTrace(null);
            ProfileResult r = trace.during(() -> profiler.profile(graph, model.getFileName().toString(),
                    ProfileOptions.of(framework)));
            Map<String, TreeNode> ops = new HashMap<>();
            index(r.tree(), "", ops);
            for (Node node : graph.nodes()) {
                TreeNode op = ops.get(node.name());
                if (op == null) {
                    continue;
                }
                checked++;
                List<RuleCatalog.Entry> listed = RuleCatalog.forOpType(catalog, node.opType());
                Set<String> emitted = new HashSet<>();
                int lastPosition = -1;
                for (String rule : trace.acting(node.name())) {
                    RuleCatalog.Entry e = byName.get(rule);
                    if (e == null) {
                        problems.add(framework + ": rule \"" + rule + "\" acted but is not in the rule catalog");
                        continue;
                    }
                    emitted.addAll(e.emits());
                    int position = listed.indexOf(e);
                    String where = framework + " " + model.getFileName() + " " + node.opType() + " \"" + e.rule()
                            + "\"";
                    if (position < 0) {
                        problems.add(where + " fired but explain " + node.opType() + " does not list it");
                    } else if (position < lastPosition) {
                        problems.add(where + " fired after a rule explain lists after it");
                    }
                    lastPosition = Math.max(lastPosition, position);
                }
                for (TreeNode call : op.children()) {
                    if (!emitted.contains(call.detail())) {
                        problems.add(framework + " " + model.getFileName() + " " + node.opType() + " calls "
                                + call.detail() + ", which no rule that acted on it @emits (" + op.note() + ")");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(problems).isEmpty();
    }

    /** The op nodes of the tree by the node name they came from (their module path, then their own name). */
    private static void index(TreeNode n, String path, Map<String, TreeNode> out) {
        for (TreeNode child : n.children()) {
            if (child.kind() == TreeNode.Kind.OP) {
                out.putIfAbsent(path + "/" + child.name(), child);
                out.putIfAbsent(path.isEmpty() ? child.name() : path + "/" + child.name(), child);
            } else if (child.kind() == TreeNode.Kind.MODULE) {
                index(child, path + "/" + child.name(), out);
            }
        }
    }
}
