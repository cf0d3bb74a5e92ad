package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.whatif.RewriteRequests;
import org.hawkeye.engine.whatif.WhatIf;
import org.hawkeye.engine.whatif.WhatIfReport;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Profiles a model as exported and as what-if rewrites change it, side by side. */
@Command(name = "whatif", mixinStandardHelpOptions = true,
        description = {"Compare a model's cost before and after what-if rewrites (ReLU to a polynomial, quadratic "
                + "GELU/softmax, average instead of max pooling), per module and in total, with the rules that fired.",
                "Rewrites: relu=quad, relu=poly:DEGREE, gelu=quad, softmax=2quad, maxpool=avgpool (specs/common/"
                        + "rewrites.yaml); add @PREFIX to limit one to a module, e.g. relu=quad@/layer4."})
final class WhatIfCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file (weights are not needed).")
    Path model;

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME",
            description = "Framework to profile under (see 'hawkeye frameworks').")
    String framework;

    @Option(names = {"-r", "--rewrite"}, required = true, paramLabel = "TARGET=REPLACEMENT[@PREFIX]",
            description = "A what-if rewrite; repeatable.")
    List<String> rewrites = new ArrayList<>();

    @Option(names = "--depth", paramLabel = "N",
            description = "Module depth of the comparison (default: ${DEFAULT-VALUE}: top-level modules).")
    int depth = 1;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    ProfileCommand.Format format = ProfileCommand.Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
    Path output;

    @Mixin
    ModelOptions runOptions;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (depth < 1) {
            throw new ProfilerException("", "--depth must be 1 or more, not " + depth);
        }
        SpecLibrary library = specs.library();
        List<Rewrite> requests = RewriteRequests.parse(rewrites, library.common().rewrites());
        ProfileOptions options = runOptions.under(framework);
        WhatIf.Result result = WhatIf.run(new Profiler(library), OnnxImporter.read(model),
                model.getFileName().toString(), options, requests);
        // the text report lists the warnings itself; JSON or a file would hide them from the terminal
        if (format == ProfileCommand.Format.json || output != null) {
            for (String w : result.warnings()) {
                spec.commandLine().getErr().println("hawkeye: warning: " + w);
            }
            spec.commandLine().getErr().flush();
        }
        String text = format == ProfileCommand.Format.json ? WhatIfReport.json(result, depth)
                : WhatIfReport.text(result, depth);
        ProfileCommand.write(text, output, spec);
        return 0;
    }
}
