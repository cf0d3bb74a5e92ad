package org.hawkeye.engine.tree;

import java.math.BigInteger;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.CostNode;

/**
 * Builds the prefix tree from the exporter's module paths: {@code /layer1/layer1.0/conv1/Conv} becomes
 * model → layer1 → layer1.0 → conv1 → Conv, and the op's protocol calls hang below it with their call chains
 * (… → Relu → relu → ltz → a2b). Ops keep graph order, which is execution order.
 */
public final class TreeBuilder {
    /**
     * Module levels of a node name kept as tree levels; deeper ones stay in the op's name. Real exports nest a
     * dozen levels; the bound keeps every walk of the tree (sums, reports) shallow whatever a file's names say.
     */
    public static final int MAX_MODULE_DEPTH = 64;

    private final TreeNode root;

    public TreeBuilder(String modelName) {
        root = new TreeNode(modelName, TreeNode.Kind.MODEL, "", Map.of(), BigInteger.ONE, "", Cost.ZERO);
    }

    /** Adds an op under its module path; its children are the protocol calls it was lowered to. */
    public void addOp(String nodeName, String opType, String note, Iterable<CostNode> calls) {
        addOp(nodeName, opType, note, "", calls);
    }

    /** Adds an op a what-if rewrite created ({@code origin}: the rule that created it; empty for the model's own). */
    public void addOp(String nodeName, String opType, String note, String origin, Iterable<CostNode> calls) {
        addOp(nodeName, opType, note, origin, "", calls);
    }

    /** Adds an op of a training step's {@code phase} (empty for inference). */
    public void addOp(String nodeName, String opType, String note, String origin, String phase,
                      Iterable<CostNode> calls) {
        String[] segments = modulePath(nodeName);
        TreeNode parent = root;
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].isEmpty()) {
                continue;
            }
            TreeNode next = parent.child(segments[i]);
            if (next == null) {
                next = new TreeNode(segments[i], TreeNode.Kind.MODULE, "", Map.of(), BigInteger.ONE, "", Cost.ZERO);
                parent.addChild(next);
            }
            parent = next;
        }
        String leaf = segments.length == 0 || segments[segments.length - 1].isEmpty() ? nodeName
                : segments[segments.length - 1];
        Cost total = Cost.ZERO;
        TreeNode op = new TreeNode(leaf, TreeNode.Kind.OP, opType, Map.of(), BigInteger.ONE, note, Cost.ZERO);
        for (CostNode call : calls) {
            op.addChild(protocolNode(call));
            total = total.plus(call.total());
        }
        TreeNode finished = new TreeNode(leaf, TreeNode.Kind.OP, opType, Map.of(), BigInteger.ONE, note, total);
        op.children().forEach(finished::addChild);
        finished.setOrigin(origin);
        finished.setPhase(phase);
        parent.addChild(finished);
    }

    /** The name's segments, the modules beyond {@link #MAX_MODULE_DEPTH} joined into the last (the op's) one. */
    static String[] modulePath(String nodeName) {
        String[] segments = nodeName.split("/", MAX_MODULE_DEPTH + 2);
        if (segments.length <= MAX_MODULE_DEPTH + 1) {
            return segments;
        }
        // "/a/b/...": the first segment is empty and is not a level
        int levels = segments[0].isEmpty() ? MAX_MODULE_DEPTH + 1 : MAX_MODULE_DEPTH;
        if (segments.length <= levels + 1) {
            return segments;
        }
        String[] out = java.util.Arrays.copyOf(segments, levels + 1);
        out[levels] = String.join("/", java.util.Arrays.copyOfRange(segments, levels, segments.length));
        return out;
    }

    private static TreeNode protocolNode(CostNode call) {
        TreeNode node = new TreeNode(call.label(), TreeNode.Kind.PROTOCOL, call.protocol(), call.args(),
                call.repeat(), call.source(), call.total());
        for (CostNode child : call.children()) {
            node.addChild(protocolNode(child));
        }
        return node;
    }

    /** The finished tree with module totals summed. */
    public TreeNode build() {
        root.sum();
        return root;
    }
}
