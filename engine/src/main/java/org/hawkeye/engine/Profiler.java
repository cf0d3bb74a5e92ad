package org.hawkeye.engine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hawkeye.engine.autograd.StepPhase;
import org.hawkeye.engine.autograd.TrainingAttributes;
import org.hawkeye.engine.autograd.TrainingGraph;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.CostNode;
import org.hawkeye.engine.cost.PoolKey;
import org.hawkeye.engine.cost.Pools;
import org.hawkeye.engine.cost.ProtocolCoster;
import org.hawkeye.engine.cost.Traffic;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.Shape;
import org.hawkeye.engine.lowering.LoweredOp;
import org.hawkeye.engine.lowering.Lowering;
import org.hawkeye.engine.lowering.LoweringResult;
import org.hawkeye.engine.lowering.Op;
import org.hawkeye.engine.lowering.OpDecision;
import org.hawkeye.engine.lowering.ProtocolCall;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.engine.lowering.RewriteLog;
import org.hawkeye.engine.lowering.RewriteRuleFiles;
import org.hawkeye.engine.lowering.RuleBase;
import org.hawkeye.engine.lowering.RuleCatalog;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.prepare.Prepared;
import org.hawkeye.engine.prepare.PublicInputs;
import org.hawkeye.engine.shapes.ShapeInference;
import org.hawkeye.engine.tree.TreeBuilder;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RuleFile;
import org.hawkeye.specs.SpecLibrary;
import org.hawkeye.specs.WeightsMode;
import org.kie.api.KieBase;

/**
 * The pipeline: ONNX in, shapes inferred, for training the graph of one training step built from it (forward,
 * loss, backward, update), the graph lowered by the common and the framework's rules, every protocol call costed
 * from the spec's formulas, and the prefix tree built. One instance serves many profiles;
 * specs and rule bases are loaded once.
 */
public final class Profiler {
    private final SpecLibrary specs;

    public Profiler(SpecLibrary specs) {
        this.specs = specs;
    }

    public SpecLibrary specs() {
        return specs;
    }

    public ProfileResult profile(Path modelFile, ProfileOptions options) {
        Graph graph = OnnxImporter.read(modelFile);
        return profile(graph, modelFile.getFileName().toString(), options);
    }

    public ProfileResult profile(Graph graph, String modelName, ProfileOptions options) {
        return profile(graph, modelName, options, List.of()).result();
    }

    /**
     * Profiles the model as the what-if {@code rewrites} change it (none: as exported). An op a rewrite created that
     * the framework's rules do not cost is an error: the rewrite cannot be applied under that framework.
     */
    public RewrittenProfile profile(Graph graph, String modelName, ProfileOptions options, List<Rewrite> rewrites) {
        FrameworkFolder framework = specs.framework(options.framework());
        ParameterValues params = ParameterValues.resolve(framework, options.params());
        WeightsMode weights = options.weights() != null ? options.weights() : framework.spec().defaults().weights();
        String policy = embeddingPolicy(framework, options);
        ShapeInference.infer(graph, modelName, batchOverrides(graph, options.batch()));
        List<PublicInputs.Entry> publicInputs = PublicInputs.resolve(graph, modelName, options.publicInputs(),
                options.secretInputs());
        Set<String> publicNames = new LinkedHashSet<>();
        publicInputs.forEach(e -> publicNames.add(e.input()));
        Prepared prepared = Prepared.of(graph, publicNames, policy);
        if (prepared.graph() != graph) {
            graph = prepared.graph();
            ShapeInference.infer(graph, modelName, batchOverrides(graph, options.batch()));
        }
        List<RuleFile> ruleFiles = ruleFiles(framework, rewrites);
        List<String> phaseNames = specs.common().pipeline().phaseNames();
        KieBase rules = RuleBase.build(ruleFiles, phaseNames);
        Map<String, Double> guards = new LinkedHashMap<>();
        params.asDecimals().forEach((k, v) -> guards.put(k, v.doubleValue()));
        Map<String, String> settings = new LinkedHashMap<>(Map.of("weights", weights.label(), "mode", options.mode()));
        if (framework.spec().defaults().savedValues() != null) {
            settings.put("saved_values", framework.spec().defaults().savedValues().label());
        }
        RewriteLog rewritesBeforeTraining = null;
        if (options.training() != null) {
            String inferenceOnly = framework.spec().models().inferenceOnly();
            if (inferenceOnly != null) {
                throw new ProfilerException(modelName, "--mode training: " + framework.name() + " cannot train: "
                        + inferenceOnly);
            }
            if (!rewrites.isEmpty()) {
                // rewrite the forward graph first, then differentiate it: a ReLU made x*x gets the gradient of x*x
                Lowering.Rewritten rewritten = Lowering.rewrite(graph, rules, phaseNames, settings, guards, rewrites);
                graph = rewritten.graph();
                ShapeInference.infer(graph, modelName, batchOverrides(graph, options.batch()));
                rewritesBeforeTraining = rewritten.log();
                rewrites = List.of();
            }
            graph = TrainingGraph.build(graph, modelName, options.training());
        }
        LoweringResult lowering = Lowering.run(graph, rules, phaseNames, settings, guards, rewrites, publicNames);

        ProtocolCoster coster = new ProtocolCoster(framework, params.asRationals());
        TreeBuilder tree = new TreeBuilder(stripExtension(modelName));
        Map<String, List<String>> unsupportedByType = new LinkedHashMap<>();
        Map<String, String> reasonByType = new LinkedHashMap<>();
        Map<String, Cost> phases = new LinkedHashMap<>();
        for (StepPhase p : StepPhase.values()) {
            phases.put(p.label(), Cost.ZERO);
        }
        Pools pools = new Pools(framework, params.asRationals());
        for (LoweredOp lowered : lowering.ops()) {
            Op node = lowered.op();
            OpDecision d = lowered.decision();
            List<CostNode> calls = new ArrayList<>();
            for (ProtocolCall call : d.calls()) {
                CostNode expanded;
                try {
                    expanded = coster.expandCall(call.protocol(), call.args(), call.rule());
                } catch (ProfilerException e) {
                    // the formula is the spec's, the arguments the model's: name both
                    throw new ProfilerException(modelName + ": node '" + node.id() + "' (" + node.type() + ")",
                            "rule '" + call.rule() + "' calls " + call.protocol() + call.args() + ", which fails: "
                                    + e.getMessage(), e);
                }
                // the call that finds a pool short pays for its refills: they hang under it, after its own steps
                for (Map.Entry<PoolKey, java.math.BigInteger> r : pools.draw(expanded.draws()).entrySet()) {
                    expanded = ProtocolCoster.withChild(expanded, coster.refill(r.getKey(), r.getValue()));
                }
                calls.add(expanded);
            }
            if (d.kind() == OpDecision.Kind.UNSUPPORTED) {
                if (!node.origin().isEmpty()) {
                    throw new ProfilerException(modelName + ": node '" + node.id() + "'", "the what-if rewrite of rule '"
                            + node.origin() + "' cannot be applied under " + framework.name() + ": it creates a "
                            + node.type() + " that " + framework.name() + " cannot cost (" + d.reason() + ")");
                }
                unsupportedByType.computeIfAbsent(node.type(), k -> new ArrayList<>()).add(node.id());
                reasonByType.putIfAbsent(node.type(), d.reason());
            }
            String phase = node.attributes().getString(TrainingAttributes.PHASE, "");
            tree.addOp(node.id(), node.type(), noteOf(d), node.origin(), phase, calls);
            if (phases.containsKey(phase)) {
                Cost own = Cost.ZERO;
                for (CostNode call : calls) {
                    own = own.plus(call.total());
                }
                phases.merge(phase, own, Cost::plus);
            }
        }
        List<UnsupportedOp> unsupported = new ArrayList<>();
        unsupportedByType.forEach((type, nodes) -> unsupported.add(
                new UnsupportedOp(type, nodes.size(), nodes.get(0), reasonByType.get(type))));
        if (options.strict() && !unsupported.isEmpty()) {
            UnsupportedOp first = unsupported.get(0);
            throw new ProfilerException(modelName + ": node '" + first.example() + "'", "--strict: "
                    + framework.name() + " cannot cost op type " + first.op() + " (" + first.reason() + "); "
                    + unsupported.size() + " unsupported op type(s) in all");
        }
        var root = tree.build();
        Map<String, BigDecimal> paramValues = params.asDecimals();
        ProfileResult.Training step = options.training() == null ? null : new ProfileResult.Training(
                options.training().loss().label(), options.training().optimizer().label(), phases);
        return new RewrittenProfile(new ProfileResult(stripExtension(modelName), framework.name(), options.mode(),
                weights.label(), paramValues, root.total(), root, unsupported, step,
                Traffic.of(framework.spec().models(), params.asRationals()), coster.setup(), params.origins(),
                publicInputs, new ProfileResult.Embedding(policy, prepared.lookups())),
                rewritesBeforeTraining != null ? rewritesBeforeTraining : lowering.rewrites());
    }

    /** The policy asked for, or the framework's; one the framework does not know is an error. */
    private static String embeddingPolicy(FrameworkFolder framework, ProfileOptions options) {
        String policy = options.embedding() != null ? options.embedding() : framework.spec().defaults().embedding();
        Set<String> known = framework.spec().embeddingPolicies();
        if (!known.contains(policy)) {
            throw new ProfilerException("", "--embedding " + policy + ": " + framework.name()
                    + " has no such embedding policy (known: " + String.join(", ", known) + ")");
        }
        return policy;
    }

    /** The rule files a profile under {@code framework} builds its rule base from: the common ones, then its own. */
    private List<RuleFile> ruleFiles(FrameworkFolder framework, List<Rewrite> rewrites) {
        CommonRules common = specs.common();
        List<RuleFile> files = new ArrayList<>(RewriteRuleFiles.select(common.rules(), common.rewrites().rewrites(),
                rewrites));
        files.addAll(framework.rules());
        return files;
    }

    /** The rules a profile under {@code framework} (without what-if rewrites) can fire, in firing order. */
    public List<RuleCatalog.Entry> ruleCatalog(String framework) {
        List<RuleFile> files = ruleFiles(specs.framework(framework), List.of());
        List<String> phases = specs.common().pipeline().phaseNames();
        return RuleCatalog.of(RuleBase.build(files, phases), files, phases);
    }

    private static String noteOf(OpDecision d) {
        return d.note();
    }

    private static Map<String, Shape> batchOverrides(Graph graph, Long batch) {
        if (batch == null) {
            return Map.of();
        }
        if (batch < 1) {
            throw new ProfilerException("", "--batch must be at least 1, not " + batch);
        }
        Map<String, Shape> out = new LinkedHashMap<>();
        for (String input : graph.inputs()) {
            Shape declared = graph.value(input).shape();
            if (declared != null && declared.rank() > 0) {
                try {
                    out.put(input, declared.withBatch(batch));
                } catch (IllegalArgumentException e) {
                    throw new ProfilerException("", "--batch " + batch + ": input '" + input + "' would have too many"
                            + " elements (" + e.getMessage() + ")");
                }
            }
        }
        return out;
    }

    static String stripExtension(String name) {
        return name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    }
}
