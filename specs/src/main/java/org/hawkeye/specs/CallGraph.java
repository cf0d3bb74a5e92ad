package org.hawkeye.specs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph of protocols calling protocols, checked without recursion (a spec may chain thousands): no cycle,
 * calls nested at most {@link #MAX_DEPTH} deep, and at most {@link #MAX_EXPANSION} calls in the expansion of any
 * one protocol, counting each call of a shared sub-protocol (the tree a profile and {@code explain} show).
 */
final class CallGraph {
    /** Deepest nesting of calls: the built-in frameworks nest fewer than 10. */
    static final int MAX_DEPTH = 32;
    /** Most calls one protocol may expand to: the built-in frameworks' largest is a few hundred. */
    static final long MAX_EXPANSION = 100_000;

    private final FrameworkFolder folder;
    private final FrameworkSpec spec;
    /** Longest chain of calls below each finished protocol (1 for a primitive) and its size, capped. */
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, Long> size = new HashMap<>();

    private CallGraph(FrameworkFolder folder) {
        this.folder = folder;
        this.spec = folder.spec();
    }

    static void check(FrameworkFolder folder) {
        CallGraph g = new CallGraph(folder);
        for (String name : g.spec.protocols().keySet()) {
            g.visit(name);
        }
    }

    /** Depth-first from {@code root} with an explicit stack; {@code onPath} marks the protocols being expanded. */
    private void visit(String root) {
        if (depth.containsKey(root)) {
            return;
        }
        Deque<String> path = new ArrayDeque<>();
        Deque<Integer> nextCall = new ArrayDeque<>();
        Map<String, Boolean> onPath = new HashMap<>();
        path.push(root);
        nextCall.push(0);
        onPath.put(root, true);
        while (!path.isEmpty()) {
            String name = path.peek();
            int i = nextCall.pop();
            List<CallSpec> calls = spec.protocol(name).calls();
            if (i < calls.size()) {
                nextCall.push(i + 1);
                String callee = calls.get(i).protocol();
                if (onPath.getOrDefault(callee, false)) {
                    throw cycle(path, callee);
                }
                if (!depth.containsKey(callee)) {
                    path.push(callee);
                    nextCall.push(0);
                    onPath.put(callee, true);
                }
                continue;
            }
            finish(name, calls);
            path.pop();
            onPath.put(name, false);
        }
    }

    private void finish(String name, List<CallSpec> calls) {
        int deepest = 0;
        long total = 1;
        for (CallSpec c : calls) {
            deepest = Math.max(deepest, depth.get(c.protocol()));
            total = Math.min(MAX_EXPANSION + 1, total + size.get(c.protocol()));
        }
        String at = folder.locationOf(spec.protocol(name)).toString();
        if (deepest + 1 > MAX_DEPTH) {
            throw new ProfilerException(at, "protocol '" + name + "' nests calls more than " + MAX_DEPTH
                    + " levels deep (hawkeye's limit): " + String.join(" -> ", deepestChain(name)));
        }
        if (total > MAX_EXPANSION) {
            throw new ProfilerException(at, "protocol '" + name + "' expands to more than " + MAX_EXPANSION
                    + " calls (hawkeye's limit; each call of a shared sub-protocol counts): call fewer, or"
                    + " fold repeated calls into one with 'repeat'");
        }
        depth.put(name, deepest + 1);
        size.put(name, total);
    }

    /** The first chain of calls below {@code name} that is as deep as it gets, for the message. */
    private List<String> deepestChain(String name) {
        List<String> chain = new ArrayList<>();
        String at = name;
        while (at != null && chain.size() <= MAX_DEPTH + 1) {
            chain.add(at);
            String next = null;
            int best = 0;
            for (CallSpec c : spec.protocol(at).calls()) {
                int d = depth.getOrDefault(c.protocol(), 0);
                if (d > best) {
                    best = d;
                    next = c.protocol();
                }
            }
            at = next;
        }
        return chain;
    }

    private ProfilerException cycle(Deque<String> path, String callee) {
        List<String> cycle = new ArrayList<>();
        for (var it = path.descendingIterator(); it.hasNext(); ) {
            String p = it.next();
            if (p.equals(callee) || !cycle.isEmpty()) {
                cycle.add(p);
            }
        }
        cycle.add(callee);
        return new ProfilerException(folder.locationOf(spec.protocol(callee)).toString(),
                "protocols call each other in a cycle: " + String.join(" -> ", cycle));
    }
}
