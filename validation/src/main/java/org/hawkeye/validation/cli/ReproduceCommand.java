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
                out.printf("%-28s %s%n", r.name(), r.title());
            }
        } else {
            Reproduction r = all.get(name);
            out.print(all.render(r, new Profiler(SpecLibrary.load(List.of())), MeasurementCatalog.load().categories()));
        }
        out.flush();
        return 0;
    }
}
