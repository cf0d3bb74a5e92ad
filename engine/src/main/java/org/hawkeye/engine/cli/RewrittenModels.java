package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.RewrittenProfile;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.whatif.RewriteRequests;
import org.hawkeye.engine.whatif.WhatIf;
import org.hawkeye.specs.SpecLibrary;

/** {@code profile --rewrite}: the rewritten model's profile, with a warning for each request that changed nothing. */
final class RewrittenModels {
    private RewrittenModels() {
    }

    static ProfileResult profile(SpecLibrary library, Path model, ProfileOptions options, List<String> values,
                                 picocli.CommandLine.Model.CommandSpec spec) {
        List<Rewrite> requests = RewriteRequests.parse(values, library.common().rewrites());
        var graph = OnnxImporter.read(model);
        RewrittenProfile rewritten = new Profiler(library).profile(graph, model.getFileName().toString(), options,
                requests);
        for (String w : WhatIf.warnings(requests, rewritten.rewrites(), graph, library.common().rewrites())) {
            spec.commandLine().getErr().println("hawkeye: warning: " + w);
        }
        spec.commandLine().getErr().flush();
        return rewritten.result();
    }
}
