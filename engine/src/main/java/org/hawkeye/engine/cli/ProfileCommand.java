package org.hawkeye.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.report.Network;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Profiles ONNX models under one framework. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Communication cost of an ONNX model under an MPC framework, per layer and per call chain.")
final class ProfileCommand implements Callable<Integer> {
    /** Output formats of a profile. */
    enum Format { text, json, csv, html }

    @Parameters(arity = "1..*", paramLabel = "MODEL",
            description = "ONNX model files, or folders of them (weights are not needed).")
    List<Path> models;

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME",
            description = "Framework to profile under (see 'hawkeye frameworks').")
    String framework;

    @Option(names = "--format", paramLabel = "text|json|csv|html",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
    Path output;

    @Option(names = "--depth", paramLabel = "N", description = "Tree depth of the text table (default: ${DEFAULT-VALUE}).")
    int depth = 2;

    @Option(names = "--strict", description = "Fail when an op cannot be costed, instead of listing it.")
    boolean strict;

    @Option(names = "--network", paramLabel = "lan|wan|BANDWIDTH,RTT",
            description = "Estimate time on this network too (a name of networks.yaml, or e.g. 1Gbps,0.5ms); adds "
                    + "\"time\" to JSON.")
    String network;

    @Option(names = {"-r", "--rewrite"}, paramLabel = "TARGET=REPLACEMENT[@PREFIX]",
            description = "Profile the model as a what-if rewrite changes it (see 'hawkeye whatif'); repeatable.")
    List<String> rewrites = new ArrayList<>();

    @Mixin
    ModelOptions runOptions;

    @Mixin
    TrainingMixin training;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (depth < 0) {
            throw new ProfilerException("", "--depth must be 0 or more, not " + depth);
        }
        ProfileOptions options = runOptions.under(framework).withStrict(strict).withTraining(training.options());
        SpecLibrary library = specs.library();
        Network net = network == null ? null : Network.parse(network, Network.presets(library.networks()));
        return new ProfileRun(new Profiler(library), options, format, depth, net, spec, rewrites)
                .run(models, output);
    }

    static void write(String text, Path output, picocli.CommandLine.Model.CommandSpec spec) {
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ProfilerException(output.toString(), "--output: folder " + parent + " does not exist");
        }
        org.hawkeye.specs.InputFiles.checkWritable(output, "--output");
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfilerException(output.toString(), "--output: cannot write: " + e.getMessage());
        }
    }
}
