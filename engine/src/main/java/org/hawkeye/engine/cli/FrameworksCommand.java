package org.hawkeye.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ModelledSystem;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** Lists the frameworks: built-in ones and those under --specs, a line each. */
@Command(name = "frameworks", mixinStandardHelpOptions = true,
        description = "List the frameworks hawkeye can profile with (built-in and --specs folders).")
final class FrameworksCommand implements Callable<Integer> {
    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SpecLibrary library = specs.library();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "models", "parties", "security", "training", "from"});
        for (String name : library.names()) {
            FrameworkFolder f = library.framework(name);
            ModelledSystem m = f.spec().models();
            rows.add(new String[] {name, m.project() + " " + m.version(), String.valueOf(m.parties()), m.security(),
                    m.inferenceOnly() == null ? "yes" : "no (inference only)",
                    (f.builtIn() ? "built-in" : f.displayDir())
                            + (f.provenance().base() == null ? "" : ", extends " + f.provenance().base())});
        }
        spec.commandLine().getOut().print(org.hawkeye.engine.report.TextReport.plainTable(rows));
        return 0;
    }
}
