package org.hawkeye.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.hawkeye.engine.cost.ProtocolExplainer;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.lowering.RuleCatalog;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterSpec;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.ProtocolSpec;
import org.hawkeye.specs.Provenance;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Audits a framework: a protocol's formulas with their values, what an op type lowers to, or one node of a model. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a framework's protocol (formulas, symbol values, result, source) or op type "
                + "(the rules of the compiled rule base that can decide it, in firing order, and the protocols they "
                + "call), or with --model and --node which rule decided one node and why. Without TARGET: list both."})
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "A protocol name or an ONNX op type.")
    String target;

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME", description = "Framework.")
    String framework;

    @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "A protocol argument (e.g. n=1000); repeatable.")
    Map<String, String> args = new LinkedHashMap<>();

    @Option(names = "-P", paramLabel = "NAME=VALUE", description = "Override a framework parameter; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--model", paramLabel = "FILE", description = "With --node: the ONNX model the node is in.")
    Path model;

    @Option(names = "--node", paramLabel = "NAME", description = "With --model: the node (its ONNX name) to explain.")
    String node;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SpecLibrary library = specs.library();
        FrameworkFolder f = library.framework(framework);
        ParameterValues values = ParameterValues.resolve(f, params);
        PrintWriter out = spec.commandLine().getOut();
        if ((model == null) != (node == null)) {
            throw new ProfilerException("", "--model and --node go together: the node NAME of the model FILE");
        }
        Profiler profiler = new Profiler(library);
        if (model != null) {
            out.print(new NodeExplainer(profiler, f, params).explain(model, node));
        } else if (target == null) {
            out.print(overview(f, values, profiler.ruleCatalog(framework)));
        } else if (f.spec().protocol(target) != null) {
            out.print(new ProtocolExplainer(f, values.asRationals()).explain(target, args));
        } else {
            List<RuleCatalog.Entry> catalog = profiler.ruleCatalog(framework);
            if (catalog.stream().noneMatch(e -> e.decides() && e.lowers().contains(target))) {
                throw new ProfilerException("", "'" + target + "' is neither a protocol of " + f.name()
                        + " nor an op type its rules name; 'hawkeye explain -f " + f.name() + "' lists both");
            }
            out.print(opType(target, f, RuleCatalog.forOpType(catalog, target)));
        }
        out.flush();
        return 0;
    }

    private static String opType(String opType, FrameworkFolder f, List<RuleCatalog.Entry> entries) {
        StringBuilder sb = new StringBuilder(opType + " under " + f.name() + ": the rules that can decide it, in the "
                + "order they fire (the first whose pattern matches a node decides it; later ones add calls after)\n");
        for (RuleCatalog.Entry e : entries) {
            sb.append("  ").append(e.phase()).append("  \"").append(e.rule()).append("\"  (").append(e.where())
                    .append(e.lowers().isEmpty() ? ", any op type" : "").append(")\n");
            if (!e.models().isEmpty() && !e.lowers().isEmpty()) {
                sb.append("    ").append(e.models()).append('\n');
            }
            sb.append("    -> ").append(e.emits().isEmpty() ? "(emits nothing it names)" : String.join(", ", e.emits()))
                    .append('\n');
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

    private static String overview(FrameworkFolder f, ParameterValues values, List<RuleCatalog.Entry> rules) {
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
        rules.stream().filter(RuleCatalog.Entry::decides).forEach(e -> opTypes.addAll(e.lowers()));
        sb.append("\nop types its rules name (hawkeye explain -f ").append(f.name()).append(" OPTYPE):\n  ")
                .append(String.join(", ", opTypes)).append('\n');
        return sb.toString();
    }
}
