package org.hawkeye.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.hawkeye.engine.cost.ProtocolExplainer;
import org.hawkeye.engine.lowering.RuleIndex;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterSpec;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.ProtocolSpec;
import org.hawkeye.specs.Provenance;
import org.hawkeye.specs.RuleFile;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Audits a framework: a protocol's formulas with their values, or what an op type lowers to. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a framework's protocol (formulas, symbol values, result, source) or op type "
                + "(the rules that lower it and the protocols they call). Without TARGET: list both."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "A protocol name or an ONNX op type.")
    String target;

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME", description = "Framework.")
    String framework;

    @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "A protocol argument (e.g. n=1000); repeatable.")
    Map<String, String> args = new LinkedHashMap<>();

    @Option(names = "-P", paramLabel = "NAME=VALUE", description = "Override a framework parameter; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SpecLibrary library = specs.library();
        FrameworkFolder f = library.framework(framework);
        ParameterValues values = ParameterValues.resolve(f, params);
        List<RuleFile> rules = new ArrayList<>(library.common().rules());
        rules.addAll(f.rules());
        PrintWriter out = spec.commandLine().getOut();
        if (target == null) {
            out.print(overview(f, values, rules));
        } else if (f.spec().protocol(target) != null) {
            out.print(new ProtocolExplainer(f, values.asRationals()).explain(target, args));
        } else {
            List<RuleIndex.Entry> entries = RuleIndex.forOpType(rules, target);
            if (entries.isEmpty()) {
                throw new ProfilerException("", "'" + target + "' is neither a protocol of " + f.name()
                        + " nor an op type its rules name; 'hawkeye explain -f " + f.name() + "' lists both");
            }
            out.print(opType(target, f, entries));
        }
        out.flush();
        return 0;
    }

    private static String opType(String opType, FrameworkFolder f, List<RuleIndex.Entry> entries) {
        StringBuilder sb = new StringBuilder(opType + " under " + f.name()
                + ": the rules that can decide it (the first whose pattern matches a node wins; see each file)\n");
        for (RuleIndex.Entry e : entries) {
            sb.append("  \"").append(e.rule()).append("\"  (").append(e.file()).append(':').append(e.line())
                    .append(")\n    -> ").append(e.emits().isEmpty() ? "(no emission)" : String.join(", then ",
                            e.emits())).append('\n');
            for (String emitted : e.emits()) {
                ProtocolSpec p = f.spec().protocol(emitted);
                if (p != null) {
                    sb.append("       ").append(emitted).append('(').append(String.join(", ", p.args()))
                            .append("): ").append(p.doc()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String overview(FrameworkFolder f, ParameterValues values, List<RuleFile> rules) {
        StringBuilder sb = new StringBuilder();
        Provenance from = f.provenance();
        boolean extending = from.base() != null;
        sb.append(f.spec().title()).append(" (").append(f.name()).append("): ").append(f.spec().description())
                .append("\nmodels ").append(f.spec().models().project()).append(' ')
                .append(f.spec().models().version()).append(", ").append(f.spec().models().parties())
                .append(" parties, ").append(f.spec().models().security()).append('\n');
        if (extending) {
            sb.append("extends ").append(String.join(" <- ", from.lineage().subList(1, from.lineage().size())))
                    .append(": the last column says which file gives each parameter and protocol\n");
        }
        sb.append("\nparameters:\n");
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, ParameterSpec> p : f.spec().parameters().entrySet()) {
            String name = p.getKey();
            String origin = values.origins().get(name);
            String declared = from.parameters().get(name);
            String source = origin.equals(declared) ? origin : origin + " (declared by " + declared + ")";
            rows.add(extending || origin.equals("-P")
                    ? new String[] {"  " + name, values.asDecimals().get(name).toPlainString(), p.getValue().doc(),
                            source}
                    : new String[] {"  " + name, values.asDecimals().get(name).toPlainString(), p.getValue().doc()});
        }
        if (!rows.isEmpty()) {
            sb.append(TextReport.plainTable(rows));
        }
        sb.append("\nprotocols (hawkeye explain -f ").append(f.name()).append(" PROTOCOL --arg NAME=VALUE...):\n");
        rows = new ArrayList<>();
        for (Map.Entry<String, ProtocolSpec> p : f.spec().protocols().entrySet()) {
            String signature = "  " + p.getKey() + "(" + String.join(", ", p.getValue().args()) + ")";
            rows.add(extending ? new String[] {signature, p.getValue().doc(), from.protocols().get(p.getKey())}
                    : new String[] {signature, p.getValue().doc()});
        }
        sb.append(TextReport.plainTable(rows));
        TreeSet<String> opTypes = new TreeSet<>();
        RuleIndex.index(rules).stream().filter(e -> !e.emits().isEmpty()).forEach(e -> opTypes.addAll(e.opTypes()));
        sb.append("\nop types its rules name (hawkeye explain -f ").append(f.name()).append(" OPTYPE):\n  ")
                .append(String.join(", ", opTypes)).append('\n');
        return sb.toString();
    }
}
