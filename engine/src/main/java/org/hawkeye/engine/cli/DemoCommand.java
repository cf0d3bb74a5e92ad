package org.hawkeye.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Profiles a bundled model under every framework and compares them: the product in one command. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Profile a bundled model (MiniONN, CIFAR-10) under every framework and compare.")
final class DemoCommand implements Callable<Integer> {
    static final String MODEL = "minionn.onnx";

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        byte[] model = bundledModel();
        SpecLibrary library = specs.library();
        Profiler profiler = new Profiler(library);
        Map<String, ProfileResult> results = new LinkedHashMap<>();
        for (String name : library.names()) {
            // a fresh graph per framework: shape inference annotates the graph it is given
            results.put(name, profiler.profile(OnnxImporter.read(MODEL, model), MODEL, ProfileOptions.of(name)));
        }
        PrintWriter out = spec.commandLine().getOut();
        ProfileResult first = results.values().iterator().next();
        out.print(TextReport.render(first, 1));
        out.println();
        out.print(TextReport.comparison("MiniONN (1x3x32x32), default settings of each framework:", results));
        out.println();
        out.println("Next: hawkeye profile MODEL.onnx --framework NAME [--format json] [--depth N]");
        out.flush();
        return 0;
    }

    private static byte[] bundledModel() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/models/" + MODEL)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("bundled model " + MODEL + " missing from the jar"));
            }
            return in.readAllBytes();
        }
    }
}
