package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The what-if rewrites a user can request, declared once in {@code specs/common/rewrites.yaml}. */
public record RewriteCatalog(@JsonProperty(required = true) List<RewriteSpec> rewrites) {

    public RewriteCatalog {
        rewrites = List.copyOf(rewrites);
    }

    /** The rewrites of {@code target}, in file order; empty when the target is unknown. */
    public List<RewriteSpec> forTarget(String target) {
        return rewrites.stream().filter(r -> r.target().equals(target)).toList();
    }

    /** The targets, in file order, each once. */
    public List<String> targets() {
        return rewrites.stream().map(RewriteSpec::target).distinct().toList();
    }
}
