package org.hawkeye.engine.lowering;

import java.util.List;

/**
 * Fact (fuse): the ops of one activation function as an exporter spells it out (GELU's erf or tanh form, SiLU as
 * x * sigmoid(x)) or as one fused op. {@code kind} names the function ({@code gelu}, {@code silu}); {@code root} is
 * the op a framework that evaluates the function as one protocol (a lookup table, a polynomial) charges, and
 * {@code members} every op of the pattern, root included, which such a framework computes as part of it;
 * {@code input} is the activation's argument x and {@code output} its value.
 */
public record FusableActivation(String kind, String root, String input, String output, List<String> members) {
    public FusableActivation {
        members = List.copyOf(members);
    }

    public String getKind() {
        return kind;
    }

    public String getRoot() {
        return root;
    }

    public String getInput() {
        return input;
    }

    public String getOutput() {
        return output;
    }

    public List<String> getMembers() {
        return members;
    }
}
