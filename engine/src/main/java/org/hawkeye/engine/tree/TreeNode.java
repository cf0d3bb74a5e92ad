package org.hawkeye.engine.tree;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.grammar.Rational;

/**
 * A node of the prefix (call-chain) tree: the model, a module of the exporter's path, an op, or a protocol
 * invocation under an op. Each node's total is the sum of its children (times its repeat count for protocols).
 */
public final class TreeNode {
    /** What a tree node stands for. */
    public enum Kind { MODEL, MODULE, OP, PROTOCOL }

    private final String name;
    private final Kind kind;
    private final String detail;
    private final Map<String, Rational> args;
    private final BigInteger repeat;
    private final String note;
    private final List<TreeNode> children = new ArrayList<>();
    /** The latest module child of each name: paths are looked up once per op, so this must not scan. */
    private final java.util.Map<String, TreeNode> modulesByName = new java.util.HashMap<>();
    private Cost total;
    private String origin = "";
    private String phase = "";

    TreeNode(String name, Kind kind, String detail, Map<String, Rational> args, BigInteger repeat, String note,
             Cost total) {
        this.name = name;
        this.kind = kind;
        this.detail = detail;
        this.args = args;
        this.repeat = repeat;
        this.note = note;
        this.total = total;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The op type for ops, the protocol for protocol nodes, empty otherwise. */
    public String detail() {
        return detail;
    }

    public Map<String, Rational> args() {
        return args;
    }

    /** How many times a protocol node runs in sequence (its total includes the repetition). */
    public BigInteger repeat() {
        return repeat;
    }

    /** For ops: the rule that lowered it, or why it is free or unsupported. */
    public String note() {
        return note;
    }

    /** For ops a what-if rewrite created: the rule that created it; empty for the model's own ops. */
    public String origin() {
        return origin;
    }

    void setOrigin(String rule) {
        origin = rule;
    }

    /**
     * The phase of a training step an op belongs to ({@code forward}, {@code backward}, {@code update}); for a
     * module or the model the phase every op under it shares, empty when they differ or for inference.
     */
    public String phase() {
        if (kind == Kind.MODEL || kind == Kind.MODULE) {
            String shared = null;
            for (TreeNode c : children) {
                String p = c.phase();
                if (shared == null) {
                    shared = p;
                } else if (!shared.equals(p)) {
                    return "";
                }
            }
            return shared == null ? "" : shared;
        }
        return phase;
    }

    void setPhase(String phase) {
        this.phase = phase;
    }

    public List<TreeNode> children() {
        return Collections.unmodifiableList(children);
    }

    public Cost total() {
        return total;
    }

    /** The op nodes under this one (itself if it is an op), in tree order: what most reports sum over. */
    public List<TreeNode> ops() {
        List<TreeNode> out = new ArrayList<>();
        collectOps(this, out);
        return out;
    }

    private static void collectOps(TreeNode node, List<TreeNode> out) {
        if (node.kind == Kind.OP) {
            out.add(node);
        } else if (node.kind != Kind.PROTOCOL) {
            for (TreeNode child : node.children) {
                collectOps(child, out);
            }
        }
    }

    void addChild(TreeNode child) {
        children.add(child);
        if (child.kind == Kind.MODULE) {
            modulesByName.put(child.name, child);
        }
    }

    TreeNode child(String childName) {
        return modulesByName.get(childName);
    }

    /** Recomputes totals of models and modules from their children (ops and protocols are final). */
    Cost sum() {
        if (kind == Kind.MODEL || kind == Kind.MODULE) {
            Cost s = Cost.ZERO;
            for (TreeNode c : children) {
                s = s.plus(c.sum());
            }
            total = s;
        }
        return total;
    }
}
