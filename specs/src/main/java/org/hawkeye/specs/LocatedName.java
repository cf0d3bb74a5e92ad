package org.hawkeye.specs;

/** A name written in a spec file (a base framework, a rule file) with where it stands, for errors about it. */
public record LocatedName(String text, SourceLocation at) {

    @Override
    public String toString() {
        return text;
    }
}
