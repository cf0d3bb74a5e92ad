package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Value;
import org.hawkeye.engine.lowering.RuleCatalog;
import org.hawkeye.engine.lowering.RuleTrace;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ProfilerException;

/**
 * {@code explain --model M.onnx --node NAME}: profiles the model and says, for one node, every rule that fired on it
 * in order (with where it is written and what it models), how it was decided, and the calls it costs.
 */
final class NodeExplainer {
    private final Profiler profiler;
    private final FrameworkFolder framework;
    private final Map<String, String> params;

    NodeExplainer(Profiler profiler, FrameworkFolder framework, Map<String, String> params) {
        this.profiler = profiler;
        this.framework = framework;
        this.params = params;
    }

    String explain(Path modelFile, String nodeName) {
        Graph graph = OnnxImporter.read(modelFile);
        String modelName = modelFile.getFileName().toString();
        Node node = graph.nodes().stream().filter(n -> n.name().equals(nodeName)).findFirst().orElseThrow(() ->
                new ProfilerException(modelName, "no node named '" + nodeName + "' (node names are the ONNX names, "
                        + "as the JSON tree's module path and op name spell them, e.g. " + graph.nodes().get(0).name()
                        + ")"));
        RuleTrace trace = new RuleTrace(nodeName);
        ProfileResult result = trace.during(() -> profiler.profile(graph, modelName,
                ProfileOptions.of(framework.name()).withParams(params)));
        Map<String, RuleCatalog.Entry> rules = RuleCatalog.byName(profiler.ruleCatalog(framework.name()));
        StringBuilder sb = new StringBuilder();
        sb.append(nodeName).append(" (").append(node.opType()).append(") of ").append(modelName).append(" under ")
                .append(framework.name()).append('\n');
        for (String in : node.inputs()) {
            sb.append("  in   ").append(describe(graph, in)).append('\n');
        }
        for (String out : node.outputs()) {
            sb.append("  out  ").append(describe(graph, out)).append('\n');
        }
        sb.append("rules that fired on it, in order:\n");
        List<RuleTrace.Firing> firings = trace.firings(nodeName);
        if (firings.isEmpty()) {
            sb.append("  (none)\n");
        }
        for (RuleTrace.Firing firing : firings) {
            RuleCatalog.Entry e = rules.get(firing.rule());
            sb.append("  ").append(firing.phase()).append("  \"").append(firing.rule()).append('"')
                    .append(e == null ? "" : "  (" + e.where() + ")").append('\n');
            if (e != null && !e.models().isEmpty()) {
                sb.append("    ").append(e.models()).append('\n');
            }
        }
        TreeNode op = find(result.tree(), nodeName);
        if (op == null) {
            sb.append("decision: the node is not in the profile (a what-if rewrite or training step replaced it)\n");
            return sb.toString();
        }
        sb.append("decision: ").append(op.note()).append('\n');
        for (TreeNode call : op.children()) {
            Cost c = call.total();
            sb.append("  ").append(call.detail()).append(call.args()).append(call.repeat().intValue() > 1
                    ? " x" + call.repeat() : "").append(": online ").append(c.onlineBits()).append(" bits, ")
                    .append(c.onlineRounds()).append(" rounds; offline ").append(c.offlineBits()).append(" bits, ")
                    .append(c.offlineRounds()).append(" rounds\n");
        }
        return sb.toString();
    }

    private static String describe(Graph graph, String name) {
        if (name.isEmpty()) {
            return "(absent)";
        }
        Value v = graph.value(name);
        return name + (v == null ? "" : " " + v.shape() + " " + v.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The op node of the tree the node became: down its module path, then the op of its name. */
    private static TreeNode find(TreeNode root, String nodeName) {
        String[] segments = nodeName.split("/");
        TreeNode at = root;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].isEmpty()) {
                continue;
            }
            boolean last = i == segments.length - 1;
            TreeNode next = null;
            for (TreeNode child : at.children()) {
                if (child.name().equals(segments[i]) && (child.kind() == TreeNode.Kind.OP) == last) {
                    next = child;
                }
            }
            if (next == null) {
                return null;
            }
            at = next;
        }
        return at.kind() == TreeNode.Kind.OP ? at : null;
    }
}
