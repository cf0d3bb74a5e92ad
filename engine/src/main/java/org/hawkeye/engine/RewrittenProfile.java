package org.hawkeye.engine;

import org.hawkeye.engine.lowering.RewriteLog;

/** A profile of a model as what-if rewrites changed it, with what each rewrite rule did. */
public record RewrittenProfile(ProfileResult result, RewriteLog rewrites) {
}
