package org.hawkeye.engine.lowering;

/** Which of an op's tensors carry a mark (secret, gradient, detached), as a property so that rules wake on it. */
public final class Marks {
    private final Op op;
    private final OpFacts facts;
    private final TensorMark mark;

    Marks(Op op, OpFacts facts, TensorMark mark) {
        this.op = op;
        this.facts = facts;
        this.mark = mark;
    }

    /** True when input {@code i} is present and marked. */
    public boolean input(int i) {
        return marked(op.input(i));
    }

    /** True when output {@code i} is present and marked. */
    public boolean output(int i) {
        return marked(op.output(i));
    }

    /** 1 when input {@code i} is marked, else 0: a count, for rules that used to count the mark facts. */
    public long inputFlag(int i) {
        return input(i) ? 1L : 0L;
    }

    /** 1 when output {@code i} is marked, else 0. */
    public long outputFlag(int i) {
        return output(i) ? 1L : 0L;
    }

    /** True when any input is marked. */
    public boolean anyInput() {
        for (String in : op.inputs()) {
            if (marked(in)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the first output not marked yet, or "" when every output is. */
    public String unmarkedOutput() {
        for (String out : op.outputs()) {
            if (!out.isEmpty() && !facts.isMarked(mark, out)) {
                return out;
            }
        }
        return "";
    }

    private boolean marked(String tensor) {
        return !tensor.isEmpty() && facts.isMarked(mark, tensor);
    }
}
