package org.hawkeye.engine.lowering;

/** Fact: a framework parameter's value, for rule guards; costs themselves use the exact value. */
public record Param(String name, double value) {
    public String getName() {
        return name;
    }

    public double getValue() {
        return value;
    }
}
