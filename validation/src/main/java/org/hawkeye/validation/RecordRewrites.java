package org.hawkeye.validation;

import java.nio.file.Path;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.RewrittenProfile;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.whatif.RewriteRequests;
import org.hawkeye.engine.whatif.WhatIf;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RewriteCatalog;
import org.hawkeye.specs.SpecLibrary;

/**
 * The {@code rewrite:} field of a measurement or a reproduction row: the what-if rewrites (same syntax as
 * {@code --rewrite}) that turn the exported model into the program that was measured, e.g. MPCFormer's BERT with
 * {@code gelu=quad}. Checked strictly: a value the catalogue rejects is an error when the file loads, and a request
 * that changes nothing in the model is an error when it is profiled (a record would silently measure the export).
 */
final class RecordRewrites {
    private RecordRewrites() {
    }

    /** Parses the values, or fails naming {@code where} (file:line:col) and the case. */
    static List<Rewrite> parse(List<String> values, RewriteCatalog catalog, String where, String what) {
        try {
            return RewriteRequests.parse(values, catalog);
        } catch (ProfilerException e) {
            throw new ProfilerException(where, what + ": rewrite: " + e.getMessage());
        }
    }

    /** Profiles the model as rewritten; a request that matched nothing is an error naming {@code what}. */
    static ProfileResult profile(Profiler profiler, Path model, ProfileOptions options, List<String> values,
                                 String where, String what) {
        if (values.isEmpty()) {
            return profiler.profile(model, options);
        }
        SpecLibrary library = profiler.specs();
        RewriteCatalog catalog = library.common().rewrites();
        List<Rewrite> requests = parse(values, catalog, where, what);
        Graph graph = OnnxImporter.read(model);
        RewrittenProfile rewritten = profiler.profile(graph, model.getFileName().toString(), options, requests);
        List<String> unused = WhatIf.warnings(requests, rewritten.rewrites(), graph, catalog);
        if (!unused.isEmpty()) {
            throw new ProfilerException(where, what + ": " + unused.get(0));
        }
        return rewritten.result();
    }
}
