package org.hawkeye.specs;

/** A DRL file of a spec folder: the name users see in messages, and its text. */
public record RuleFile(String displayPath, String text) {
}
