package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hawkeye.specs.ProfilerException;

/**
 * The DRL global {@code graph}: what-if rules (phase approximate) replace the ops of a matched pattern by new ops
 * of the same IR through it. A replacement removes the matched ops with their joins, and every op it creates gets
 * an id under the path of the op it is named after ({@code /layer4/layer4.0/relu/Relu/quad/Mul}), tensors with
 * inferred shapes, joins, and the creating rule as its origin, so later phases cost it like any other op.
 */
public final class GraphRewriter {
    private final FactGraph facts;
    private final FiringRule firing;
    private final RewriteLog log = new RewriteLog();
    private final String modelName;

    GraphRewriter(FactGraph facts, FiringRule firing, String modelName) {
        this.facts = facts;
        this.firing = firing;
        this.modelName = modelName;
    }

    /**
     * Starts replacing the ops of a matched pattern ({@code removed}, in any order) for {@code request}. Created ops
     * are named {@code <namedAfter's id>/<group>/<Type>} and run where the last removed op ran; the last of them
     * must write the pattern's output again ({@link Replacement#opTo}) so that its readers are unchanged.
     */
    public Replacement replace(Rewrite request, Op namedAfter, String group, Op... removed) {
        if (removed.length == 0) {
            throw new IllegalArgumentException("rule '" + firing.name() + "': a replacement removes at least one op");
        }
        List<Op> sorted = new ArrayList<>(Arrays.asList(removed));
        sorted.sort(Comparator.comparingInt(op -> facts.position(op.id())));
        Op last = sorted.get(sorted.size() - 1);
        String successor = facts.successorOf(last.id());
        String elementType = facts.tensor(namedAfter.input(0)) == null ? "FLOAT"
                : facts.tensor(namedAfter.input(0)).dtype();
        List<String> replacedOutputs = new ArrayList<>();
        for (Op op : sorted) {
            if (facts.op(op.id()) == null) {
                throw new IllegalStateException("rule '" + firing.name() + "' removes op " + op.id()
                        + ", which an earlier rewrite already removed");
            }
            replacedOutputs.addAll(op.outputs());
            facts.removeOp(op.id());
        }
        log.matched(firing.name(), request.label(), removed.length);
        return new Replacement(this, request, namedAfter.id() + "/" + group, successor, elementType, replacedOutputs);
    }

    FactGraph facts() {
        return facts;
    }

    String rule() {
        return firing.name();
    }

    String modelName() {
        return modelName;
    }

    RewriteLog log() {
        return log;
    }

    ProfilerException error(Rewrite request, String reason) {
        return new ProfilerException("rule '" + firing.name() + "' (rewrite " + request.label() + ")", reason);
    }
}
