package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Node;
import org.hawkeye.engine.graph.Value;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The graph as facts in a lowering session: every op with its {@link Consumes}/{@link Produces} joins, every
 * tensor, and the execution order of the ops. Rewrites add and remove ops here, never in the session directly,
 * so that the joins stay consistent and the result can list the final ops in an order that runs.
 */
final class FactGraph implements OpFacts {
    private final KieSession session;
    private final Graph graph;
    private final List<String> order = new ArrayList<>();
    private final Map<String, Op> ops = new HashMap<>();
    private final Map<String, List<FactHandle>> handles = new HashMap<>();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, FactHandle> tensorHandles = new HashMap<>();
    private final Map<String, Value> createdValues = new HashMap<>();
    private final Map<String, List<String>> readers = new HashMap<>();
    private final Map<String, String> writers = new HashMap<>();
    private final Map<TensorMark, Set<String>> marked = new EnumMap<>(TensorMark.class);
    private final Set<String> lowered = new HashSet<>();

    FactGraph(KieSession session, Graph graph) {
        this.session = session;
        this.graph = graph;
        for (TensorMark m : TensorMark.values()) {
            marked.put(m, new HashSet<>());
        }
        session.addEventListener(new MarkFacts());
        for (Value v : graph.values().values()) {
            addTensor(v);
        }
        // every op is indexed before any goes in, so that each is inserted with its readers known
        List<Op> model = new ArrayList<>();
        for (Node n : graph.nodes()) {
            // a node a what-if rewrite made before autograd keeps the rule that made it (Lowering.rewrite)
            Op op = new Op(n.name(), n.opType(), Lowering.prefixOf(n.name()), n.inputs(), n.outputs(),
                    n.attributes(), n.attributes().getString(Lowering.ORIGIN, ""));
            order.add(op.id());
            index(op);
            model.add(op);
        }
        for (Op op : model) {
            insertFact(op);
        }
    }

    Graph graph() {
        return graph;
    }

    /** The value behind a tensor name: the model's, or one a rewrite created. */
    Value value(String name) {
        Value v = createdValues.get(name);
        return v != null ? v : graph.values().get(name);
    }

    boolean hasName(String name) {
        return ops.containsKey(name) || tensors.containsKey(name);
    }

    Op op(String id) {
        return ops.get(id);
    }

    /** The live ops in execution order. */
    List<Op> ops() {
        List<Op> out = new ArrayList<>(order.size());
        for (String id : order) {
            out.add(ops.get(id));
        }
        return out;
    }

    /** Adds a tensor a rewrite created (its type and shape already inferred) as a value and a fact. */
    Tensor addCreatedTensor(Value v) {
        createdValues.put(v.name(), v);
        return addTensor(v);
    }

    private Tensor addTensor(Value v) {
        Tensor t = Tensor.of(v);
        tensors.put(v.name(), t);
        tensorHandles.put(v.name(), session.insert(t));
        return t;
    }

    /** Inserts a created op just before {@code before} in the execution order, or last when that is null. */
    void addOpBefore(Op op, String before) {
        if (before == null) {
            order.add(op.id());
        } else {
            int at = order.indexOf(before);
            if (at < 0) {
                throw new IllegalStateException("no live op " + before);
            }
            order.add(at, op.id());
        }
        insertOp(op);
    }

    /** The op after {@code id} in execution order, or null when it is the last. */
    String successorOf(String id) {
        int at = order.indexOf(id);
        return at + 1 < order.size() ? order.get(at + 1) : null;
    }

    int position(String id) {
        return order.indexOf(id);
    }

    /**
     * Removes an op and its joins. Its output tensors stay as facts: a replacement usually writes them again, and
     * a tensor nobody writes or reads is invisible to rules, which only reach tensors through the joins.
     */
    void removeOp(String id) {
        Op op = ops.remove(id);
        order.remove(id);
        for (String in : op.inputs()) {
            List<String> r = readers.get(in);
            if (r != null && r.remove(id)) {
                wake(writers.get(in), "readers");
            }
        }
        for (String out : op.outputs()) {
            writers.remove(out, id);
        }
        for (FactHandle h : handles.remove(id)) {
            session.delete(h);
        }
    }

    /** The live ops as a graph of the same values (plus the ones rewrites created), each op's origin kept. */
    Graph toGraph() {
        Map<String, Value> values = new LinkedHashMap<>(graph.values());
        values.putAll(createdValues);
        List<Node> nodes = new ArrayList<>();
        for (Op op : ops()) {
            Map<String, Object> attrs = new LinkedHashMap<>(op.attributes().asMap());
            if (!op.origin().isEmpty()) {
                attrs.put(Lowering.ORIGIN, op.origin());
            }
            nodes.add(new Node(op.id(), op.type(), "", op.inputs(), op.outputs(),
                    new org.hawkeye.engine.graph.Attributes(attrs)));
        }
        return new Graph(graph.name(), nodes, values, graph.inputs(), graph.outputs(), graph.metadata());
    }

    /** Computed tensors a live op reads although no live op writes them (a rewrite that lost a producer). */
    List<String> danglingReads() {
        List<String> out = new ArrayList<>();
        for (String id : order) {
            for (String in : ops.get(id).inputs()) {
                Tensor t = tensors.get(in);
                if (!in.isEmpty() && (t == null || t.kind().equals("activation") && !writers.containsKey(in))) {
                    out.add(id + " reads " + in);
                }
            }
        }
        return out;
    }

    @Override
    public Tensor tensor(String name) {
        return tensors.get(name);
    }

    @Override
    public boolean isMarked(TensorMark mark, String tensorName) {
        return marked.get(mark).contains(tensorName);
    }

    @Override
    public boolean isLowered(String opId) {
        return lowered.contains(opId);
    }

    /** Records that a rule decided the op and wakes the rules that test {@code lowered} on it. */
    void markLowered(Op op) {
        if (lowered.add(op.id())) {
            wake(op.id(), "lowered");
        }
    }

    @Override
    public List<String> readers(String tensorName) {
        List<String> r = readers.get(tensorName);
        return r == null ? List.of() : Collections.unmodifiableList(r);
    }

    private void mark(TensorMark mark, String tensorName, boolean on) {
        Set<String> set = marked.get(mark);
        if (on ? set.add(tensorName) : set.remove(tensorName)) {
            for (String reader : readers.getOrDefault(tensorName, List.of())) {
                wake(reader, mark.property());
            }
            wake(writers.get(tensorName), mark.property());
        }
    }

    /** Tells the session that a property of a live op changed, so that rules testing it re-evaluate the op. */
    private void wake(String opId, String property) {
        Op op = opId == null ? null : ops.get(opId);
        List<FactHandle> hs = opId == null ? null : handles.get(opId);
        if (op != null && hs != null) {
            session.update(hs.get(0), op, property);
        }
    }

    /** Follows the mark facts (Secret, GradientValue, Detached) rules insert and delete. */
    private final class MarkFacts extends DefaultRuleRuntimeEventListener {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            TensorMark m = TensorMark.of(event.getObject());
            if (m != null) {
                mark(m, ((TensorFact) event.getObject()).tensor(), true);
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            Object old = event.getOldObject();
            TensorMark m = TensorMark.of(old);
            if (m != null) {
                String tensorName = ((TensorFact) old).tensor();
                boolean stillMarked = !session.getObjects(o -> TensorMark.of(o) == m
                        && ((TensorFact) o).tensor().equals(tensorName)).isEmpty();
                if (!stillMarked) {
                    mark(m, tensorName, false);
                }
            }
        }
    }

    private void insertOp(Op op) {
        index(op);
        insertFact(op);
    }

    private void index(Op op) {
        op.attach(this);
        ops.put(op.id(), op);
        for (String in : op.inputs()) {
            if (!in.isEmpty()) {
                readers.computeIfAbsent(in, k -> new ArrayList<>()).add(op.id());
                wake(writers.get(in), "readers");
            }
        }
        for (String out : op.outputs()) {
            if (!out.isEmpty()) {
                writers.put(out, op.id());
            }
        }
    }

    private void insertFact(Op op) {
        List<FactHandle> hs = new ArrayList<>();
        hs.add(session.insert(op));
        for (int i = 0; i < op.inputs().size(); i++) {
            if (!op.inputs().get(i).isEmpty()) {
                hs.add(session.insert(new Consumes(op.id(), op.inputs().get(i), i)));
            }
        }
        for (int i = 0; i < op.outputs().size(); i++) {
            if (!op.outputs().get(i).isEmpty()) {
                hs.add(session.insert(new Produces(op.id(), op.outputs().get(i), i)));
            }
        }
        handles.put(op.id(), hs);
    }
}
