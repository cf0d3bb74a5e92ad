package org.hawkeye.engine.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;

/**
 * The model's cost per top-level module (the root's children, in execution order), each split into linear,
 * non-linear and other ops by {@link OpClass}. Bits and rounds both add up along the model, so every split is
 * exact: the rows' classes sum to the model total.
 */
public record Breakdown(List<Row> rows, Map<OpClass, Cost> total) {

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

    public static Breakdown of(TreeNode root) {
        List<Row> rows = new ArrayList<>();
        Map<OpClass, Cost> total = zeros();
        for (TreeNode child : root.children()) {
            Map<OpClass, Cost> byClass = zeros();
            addOps(child, byClass);
            byClass.forEach((c, cost) -> total.merge(c, cost, Cost::plus));
            rows.add(new Row(child.name(), child.kind(), Collections.unmodifiableMap(byClass)));
        }
        return new Breakdown(List.copyOf(rows), Collections.unmodifiableMap(total));
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
