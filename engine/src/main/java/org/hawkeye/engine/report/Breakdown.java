package org.hawkeye.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;

/**
 * The model's cost per module of one level (in execution order), each split into linear, non-linear and other
 * ops by {@link OpClass}. Bits and rounds both add up along the model, so every split is exact: the rows' classes
 * sum to the model total. {@code level} is the path of the module whose children the rows are ("" for the model):
 * the first level with more than one child that costs something, since a Hugging Face export's top level is often
 * the whole model ({@code /bert}, {@code /model}).
 */
public record Breakdown(String level, List<Row> rows, Map<OpClass, Cost> total) {

    /** One top-level module (or an op directly under the model) and its cost per class. */
    public record Row(String name, TreeNode.Kind kind, Map<OpClass, Cost> byClass) {
        public Cost total() {
            Cost c = Cost.ZERO;
            for (Cost part : byClass.values()) {
                c = c.plus(part);
            }
            return c;
        }

        public Cost of(OpClass c) {
            return byClass.getOrDefault(c, Cost.ZERO);
        }
    }

    /** The breakdown over the root's children. */
    public static Breakdown of(TreeNode root) {
        return of(root, "");
    }

    /**
     * The breakdown over the children of the first module, from the root down, with more than one child that costs
     * something: a root whose only costly child is a module gives that module's children, and so on.
     */
    public static Breakdown firstBranching(TreeNode root) {
        TreeNode at = root;
        StringBuilder path = new StringBuilder();
        while (true) {
            List<TreeNode> costly = at.children().stream().filter(c -> !c.total().isZero()).toList();
            if (costly.size() != 1 || costly.get(0).kind() != TreeNode.Kind.MODULE
                    || at.children().stream().anyMatch(c -> c.kind() == TreeNode.Kind.OP && !c.total().isZero())) {
                break;
            }
            at = costly.get(0);
            path.append('/').append(at.name());
        }
        return of(at, path.toString());
    }

    private static Breakdown of(TreeNode root, String level) {
        List<Row> rows = new ArrayList<>();
        Map<OpClass, Cost> total = zeros();
        for (TreeNode child : root.children()) {
            Map<OpClass, Cost> byClass = zeros();
            addOps(child, byClass);
            byClass.forEach((c, cost) -> total.merge(c, cost, Cost::plus));
            rows.add(new Row(child.name(), child.kind(), Collections.unmodifiableMap(byClass)));
        }
        return new Breakdown(level, List.copyOf(rows), Collections.unmodifiableMap(total));
    }

    /** The rows that cost something: free top-level ops (Flatten, Reshape) would only add empty bars. */
    public List<Row> costly() {
        return rows.stream().filter(r -> !r.total().isZero()).toList();
    }

    private static Map<OpClass, Cost> zeros() {
        Map<OpClass, Cost> m = new EnumMap<>(OpClass.class);
        for (OpClass c : OpClass.values()) {
            m.put(c, Cost.ZERO);
        }
        return m;
    }

    private static void addOps(TreeNode node, Map<OpClass, Cost> byClass) {
        for (TreeNode op : node.ops()) {
            byClass.merge(OpClass.of(op.detail()), op.total(), Cost::plus);
        }
    }
}
