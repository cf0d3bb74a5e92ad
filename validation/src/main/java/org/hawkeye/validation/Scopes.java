package org.hawkeye.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;

/**
 * Reads one number out of a profile: a phase (online, offline, total) and a metric (bits, rounds) over a scope:
 * the whole model ({@code total}), a category of ops ({@code category:conv2d}), op types ({@code ops:MatMul,Gemm})
 * or a module path ({@code path:/layer1/layer1.0}).
 */
final class Scopes {
    private final Categories categories;

    Scopes(Categories categories) {
        this.categories = categories;
    }

    static boolean isWellFormed(String scope, Categories categories) {
        return scope.equals("total") || scope.startsWith("path:") || scope.startsWith("ops:")
                || scope.startsWith("category:") && categories.isKnown(scope.substring("category:".length()));
    }

    /** The cost of the scope, or null when a path names no node. */
    Cost cost(ProfileResult r, String scope) {
        if (scope.equals("total")) {
            return r.total();
        }
        if (scope.startsWith("category:") || scope.startsWith("ops:")) {
            String category = scope.startsWith("category:") ? scope.substring("category:".length()) : null;
            Set<String> types = category != null ? Set.of() : Set.of(scope.substring("ops:".length()).split(","));
            Cost sum = Cost.ZERO;
            for (TreeNode op : ops(r.tree(), new ArrayList<>())) {
                boolean in = category != null ? categories.of(op.detail()).equals(category) : types.contains(op.detail());
                if (in) {
                    sum = sum.plus(op.total());
                }
            }
            return sum;
        }
        TreeNode node = r.tree();
        for (String segment : scope.substring("path:".length()).split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            node = node.children().stream().filter(c -> c.name().equals(segment)).findFirst().orElse(null);
            if (node == null) {
                return null;
            }
        }
        return node.total();
    }

    static BigInteger pick(Cost c, String phase, String metric) {
        boolean bits = metric.equals("bits");
        return switch (phase) {
            case "online" -> bits ? c.onlineBits() : c.onlineRounds();
            case "offline" -> bits ? c.offlineBits() : c.offlineRounds();
            default -> bits ? c.onlineBits().add(c.offlineBits()) : c.onlineRounds().add(c.offlineRounds());
        };
    }

    private static List<TreeNode> ops(TreeNode node, List<TreeNode> out) {
        if (node.kind() == TreeNode.Kind.OP) {
            out.add(node);
        } else if (node.kind() != TreeNode.Kind.PROTOCOL) {
            node.children().forEach(c -> ops(c, out));
        }
        return out;
    }
}
