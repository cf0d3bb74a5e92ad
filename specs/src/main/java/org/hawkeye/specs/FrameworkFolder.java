package org.hawkeye.specs;

import java.util.List;
import java.util.Map;

/**
 * A loaded and checked framework: its spec and DRL rules (with those of the frameworks it extends merged in), where
 * each protocol, call and parameter stands in its YAML file (for errors found later, e.g. a division by zero with
 * particular arguments), and which file each part comes from.
 */
public record FrameworkFolder(String name, String displayDir, boolean builtIn, FrameworkSpec spec,
                              List<RuleFile> rules, Map<Object, SourceLocation> locations, Provenance provenance) {

    public FrameworkFolder {
        rules = List.copyOf(rules);
    }

    public String yamlPath() {
        return displayDir + "/framework.yaml";
    }

    /** Where a protocol, call or parameter of this spec starts; the YAML file when unknown. */
    public SourceLocation locationOf(Object specPart) {
        SourceLocation at = locations.get(specPart);
        return at != null ? at : new SourceLocation(yamlPath(), 1, 1);
    }
}
