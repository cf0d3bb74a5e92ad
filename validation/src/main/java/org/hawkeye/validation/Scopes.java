package org.hawkeye.validation;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.tree.TreeNode;

/**
 * Reads one number out of a profile: a phase (online, offline, total) and a metric (bits, rounds) over a scope:
 * the whole model ({@code total}), a category of ops ({@code category:conv2d}), op types ({@code ops:MatMul,Gemm}),
 * a module path ({@code path:/layer1/layer1.0}), every module of a name wherever it stands ({@code module:intermediate_act_fn},
 * e.g. each BERT layer's GELU, as exported or as a what-if rewrite replaced it), a phase of a training step
 * ({@code phase:backward}), protocol calls wherever they stand under the ops ({@code calls:truncate_msb_known}: the
 * topmost calls labelled or named so, e.g. the truncation a ReLU runs inside it), the whole model without the calls
 * of some protocols ({@code without:llama_rsqrt}: what a run's counter shows when it does not see one library's
 * exchanges), the difference of two scopes ({@code ops:Relu - calls:truncate}), or the one-time setup outside the
 * totals ({@code setup}, phase online).
 */
final class Scopes {
    private final Categories categories;

    Scopes(Categories categories) {
        this.categories = categories;
    }

    static boolean isWellFormed(String scope, Categories categories) {
        int minus = scope.indexOf(" - ");
        if (minus >= 0) {
            return isWellFormed(scope.substring(0, minus).strip(), categories)
                    && isWellFormed(scope.substring(minus + 3).strip(), categories);
        }
        return scope.equals("total") || scope.equals("setup") || scope.startsWith("path:") || scope.startsWith("ops:")
                || scope.startsWith("calls:") && scope.length() > "calls:".length()
                || scope.startsWith("phase:") || scope.startsWith("module:") && scope.length() > "module:".length()
                || scope.startsWith("without:") && scope.length() > "without:".length()
                || scope.startsWith("category:") && categories.isKnown(scope.substring("category:".length()));
    }

    /** The cost of the scope, or null when a path names no node or a phase no phase of a training step. */
    Cost cost(ProfileResult r, String scope) {
        int minus = scope.indexOf(" - ");
        if (minus >= 0) {
            Cost a = cost(r, scope.substring(0, minus).strip());
            Cost b = cost(r, scope.substring(minus + 3).strip());
            return a == null || b == null ? null : a.minus(b);
        }
        if (scope.startsWith("calls:")) {
            Set<String> names = Set.of(scope.substring("calls:".length()).split(","));
            Cost sum = Cost.ZERO;
            for (TreeNode op : r.tree().ops()) {
                sum = sum.plus(calls(op, names));
            }
            return sum;
        }
        if (scope.equals("total")) {
            return r.total();
        }
        if (scope.equals("setup")) {
            return r.setup() == null ? null : r.setup().total();
        }
        if (scope.startsWith("phase:")) {
            return r.training() == null ? null : r.training().phases().get(scope.substring("phase:".length()));
        }
        if (scope.startsWith("category:") || scope.startsWith("ops:")) {
            String category = scope.startsWith("category:") ? scope.substring("category:".length()) : null;
            Set<String> types = category != null ? Set.of() : Set.of(scope.substring("ops:".length()).split(","));
            Cost sum = Cost.ZERO;
            for (TreeNode op : r.tree().ops()) {
                boolean in = category != null ? categories.of(op.detail()).equals(category) : types.contains(op.detail());
                if (in) {
                    sum = sum.plus(op.total());
                }
            }
            return sum;
        }
        if (scope.startsWith("module:")) {
            return modules(r.tree(), scope.substring("module:".length()));
        }
        if (scope.startsWith("without:")) {
            Set<String> names = Set.of(scope.substring("without:".length()).split(","));
            return r.total().minus(protocols(r.tree(), names, BigInteger.ONE));
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

    /** The bits {@code party} (index in the profile's traffic parties) sends in the phase. */
    static BigInteger pickParty(Cost c, String phase, int party) {
        org.hawkeye.engine.cost.Sent on = c.onlineSent();
        org.hawkeye.engine.cost.Sent off = c.offlineSent();
        BigInteger online = on.known() ? on.byParty().get(party) : null;
        BigInteger offline = off.known() ? off.byParty().get(party) : null;
        return switch (phase) {
            case "online" -> online;
            case "offline" -> offline;
            default -> online == null || offline == null ? null : online.add(offline);
        };
    }

    static BigInteger pick(Cost c, String phase, String metric) {
        boolean bits = metric.equals("bits");
        return switch (phase) {
            case "online" -> bits ? c.onlineBits() : c.onlineRounds();
            case "offline" -> bits ? c.offlineBits() : c.offlineRounds();
            default -> bits ? c.onlineBits().add(c.offlineBits()) : c.onlineRounds().add(c.offlineRounds());
        };
    }

    /**
     * The cost of the outermost calls of the named protocols under {@code node}, each as often as the calls above
     * it repeat ({@code times}).
     */
    private static Cost protocols(TreeNode node, Set<String> names, BigInteger times) {
        return outermost(node, n -> names.contains(n.detail()), times);
    }

    /** The outermost protocol calls under {@code node} whose label or protocol is one of {@code names}. */
    private static Cost calls(TreeNode node, Set<String> names) {
        return outermost(node, n -> names.contains(n.name()) || names.contains(n.detail()), BigInteger.ONE);
    }

    private static Cost outermost(TreeNode node, java.util.function.Predicate<TreeNode> match, BigInteger times) {
        if (node.kind() == TreeNode.Kind.PROTOCOL && match.test(node)) {
            return node.total().times(times);
        }
        BigInteger inner = node.kind() == TreeNode.Kind.PROTOCOL ? times.multiply(node.repeat()) : times;
        Cost sum = Cost.ZERO;
        for (TreeNode c : node.children()) {
            sum = sum.plus(outermost(c, match, inner));
        }
        return sum;
    }

    /** The sum over the outermost modules named {@code name}: a match's own sub-modules are not counted twice. */
    private static Cost modules(TreeNode node, String name) {
        if (node.kind() == TreeNode.Kind.MODULE && node.name().equals(name)) {
            return node.total();
        }
        Cost sum = Cost.ZERO;
        if (node.kind() != TreeNode.Kind.OP && node.kind() != TreeNode.Kind.PROTOCOL) {
            for (TreeNode c : node.children()) {
                sum = sum.plus(modules(c, name));
            }
        }
        return sum;
    }
}
