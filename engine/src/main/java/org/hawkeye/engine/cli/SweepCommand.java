package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.generate.Sweep;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.report.Network;
import org.hawkeye.engine.report.SweepHtml;
import org.hawkeye.engine.report.SweepReport;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Profiles a model over a grid of sizes and parameters, and gives each cost as an exact polynomial. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Profile a model at every combination of the varied sizes and parameters, and give each "
                + "cost as an exact polynomial in each varied number where it is one.",
                "NAME is batch, seq (the token inputs' length), cache (a decoder's KV cache), a dynamic axis the "
                        + "export named, or a framework parameter (e.g. ring_bits)."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The ONNX model file (weights are not needed).")
    Path model;

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME",
            description = "Framework to profile under (see 'hawkeye frameworks').")
    String framework;

    @Option(names = "--vary", required = true, paramLabel = "NAME=V1,V2,...",
            description = "A size or parameter and its values, e.g. seq=128,256,512,1024; repeatable (a grid).")
    List<String> vary = new ArrayList<>();

    @Mixin
    SeriesOutput out;

    @Mixin
    ModelOptions runOptions;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SpecLibrary library = specs.library();
        ProfileOptions options = runOptions.under(framework).withStrict(out.strict);
        List<Sweep.Variable> variables = Sweep.parse(vary, OnnxImporter.read(model), library.framework(framework));
        List<Network> networks = out.networks(library);
        ModelFiles.checkOutputFolder(out.output);
        int count = variables.stream().mapToInt(v -> v.values().size()).reduce(1, Math::multiplyExact);
        Progress progress = new Progress(spec.commandLine().getErr(), count, Progress.onTerminal(), false);
        Sweep.Result result = Sweep.run(new Profiler(library), model, options, variables,
                done -> progress.starting(done - 1, "profiles"));
        progress.finished();
        String text = switch (out.format) {
            case json -> SweepReport.json(result);
            case csv -> SweepReport.csv(result);
            case html -> SweepHtml.render(result, networks);
            case text -> SweepReport.text(result, networks);
        };
        ProfileCommand.write(text, out.output, spec);
        return 0;
    }
}
