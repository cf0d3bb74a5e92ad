package org.hawkeye.engine.lowering;

import java.util.List;

/** The readers of an op's outputs, as a property so that rules testing it wake when a rewrite changes them. */
public final class Readers {
    private final Op op;
    private final OpFacts facts;

    Readers(Op op, OpFacts facts) {
        this.op = op;
        this.facts = facts;
    }

    /** How many live ops read output {@code i} (0 when there is no such output). */
    public int output(int i) {
        String name = op.output(i);
        return name.isEmpty() ? 0 : facts.readers(name).size();
    }

    /** The id of the one op that reads output {@code i} (maybe twice), or "" when none or several do. */
    public String only(int i) {
        String name = op.output(i);
        List<String> ids = name.isEmpty() ? List.of() : facts.readers(name);
        return ids.isEmpty() || ids.stream().distinct().count() > 1 ? "" : ids.get(0);
    }
}
