package org.hawkeye.validation.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.engine.Profiler;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.validation.Harness;
import org.hawkeye.validation.MeasurementCatalog;
import org.hawkeye.validation.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs every measured case shipped with hawkeye and reports the deviations; exit 1 when one is out of tolerance. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compare hawkeye with measured runs of the real frameworks (exit 1 if any case is out of tolerance).")
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--filter", paramLabel = "TEXT", description = "Only cases whose id, framework or model contains TEXT.")
    String filter;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        MeasurementCatalog catalog = MeasurementCatalog.load();
        List<MeasurementCatalog.Entry> entries = catalog.filter(filter);
        List<Harness.CaseResult> results = new Harness(new Profiler(SpecLibrary.load(List.of())), catalog.categories())
                .run(entries);
        spec.commandLine().getOut().print(ValidationReport.render(results));
        spec.commandLine().getOut().flush();
        return results.stream().allMatch(Harness.CaseResult::pass) ? 0 : 1;
    }
}
