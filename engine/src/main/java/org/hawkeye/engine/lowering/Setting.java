package org.hawkeye.engine.lowering;

/** Fact: a run setting rules may depend on, e.g. ("weights", "secret") or ("mode", "inference"). */
public record Setting(String name, String value) {
    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
