package org.hawkeye.validation.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.engine.Profiler;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.validation.MeasurementCatalog;
import org.hawkeye.validation.Reproduction;
import org.hawkeye.validation.Reproductions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a table or figure of the HawkEye paper with hawkeye's numbers beside HawkEye's and the measured ones. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = "Reproduce a HawkEye paper table/figure: measured, HawkEye's static value, hawkeye's.")
public final class ReproduceCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Which table or figure.")
    String name;

    @Option(names = "--list", description = "List the reproductions.")
    boolean list;

    @Option(names = "-P", paramLabel = "NAME=VALUE",
            description = "Set a parameter of the framework profiled for every row; repeatable.")
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();

    @Option(names = {"-f", "--framework"}, paramLabel = "NAME",
            description = "Profile under this framework instead of the paper's (its numbers stay for comparison).")
    String framework;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Reproductions all = Reproductions.load();
        PrintWriter out = spec.commandLine().getOut();
        if (list || name == null) {
            if (name == null && !list) {
                throw new ProfilerException("", "give a NAME or --list");
            }
            for (Reproduction r : all.all()) {
                out.printf("%-32s %s%n", r.name(), r.title());
            }
        } else {
            Reproduction r = all.get(name);
            out.print(all.render(r, new Profiler(SpecLibrary.load(List.of())), MeasurementCatalog.load().categories(),
                    framework == null ? r.framework() : framework, params, framework != null));
        }
        out.flush();
        return 0;
    }
}
