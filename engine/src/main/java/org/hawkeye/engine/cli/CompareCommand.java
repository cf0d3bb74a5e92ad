package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.report.Comparison;
import org.hawkeye.engine.report.Network;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Side-by-side profiles: one model under several frameworks ({@code --frameworks a,b} or {@code all}), or two
 * variants of a model under one framework ({@code A.onnx B.onnx --framework X}) with the change per module.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare one model under several frameworks (MODEL --frameworks a,b|all), or two variants "
                + "of a model under one framework (A.onnx B.onnx --framework NAME): a column each, a row per "
                + "top-level module and the total."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "1..2", paramLabel = "MODEL", description = "One model, or two variants of a model.")
    List<Path> models;

    @Option(names = "--frameworks", split = ",", paramLabel = "NAME",
            description = "Frameworks to compare one model under (comma-separated), or 'all'.")
    List<String> frameworks;

    @Option(names = {"-f", "--framework"}, paramLabel = "NAME", description = "The framework for two models.")
    String framework;

    @Option(names = "--network", paramLabel = "lan|wan|BANDWIDTH,RTT",
            description = "Also estimate time on this network (a name of networks.yaml, or e.g. 1Gbps,0.5ms).")
    String network;

    @Mixin
    ModelOptions runOptions;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SpecLibrary library = specs.library();
        List<Network> networks = new ArrayList<>(Network.defaults(library.networks()));
        if (network != null) {
            Network given = Network.parse(network, Network.presets(library.networks()));
            if (networks.stream().noneMatch(n -> n.name().equals(given.name()))) {
                networks.add(given);
            }
        }
        Profiler profiler = new Profiler(library);
        String text;
        if (models.size() == 1) {
            text = acrossFrameworks(profiler, library, networks);
        } else {
            text = acrossModels(profiler, networks);
        }
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String acrossFrameworks(Profiler profiler, SpecLibrary library, List<Network> networks) {
        if (frameworks == null || framework != null) {
            throw new ProfilerException("", "compare with one model needs --frameworks a,b (or all), not --framework;"
                    + " give two models to compare them under one --framework");
        }
        List<String> names = frameworks.size() == 1 && frameworks.get(0).equals("all") ? library.names() : frameworks;
        for (String name : names) {
            if (!library.names().contains(name)) {
                library.framework(name); // an unknown name fails here, before any profiling
            }
        }
        library.common();
        Path model = models.get(0);
        Map<String, ProfileResult> columns = new LinkedHashMap<>();
        Progress progress = new Progress(spec.commandLine().getErr(), names.size(), Progress.onTerminal());
        // frameworks are profiled side by side, each reading its own spec: a cold run spends most of its time
        // reading specs and compiled rules, which one core does while another lowers the model under another
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(names.size(), Runtime.getRuntime().availableProcessors())), daemonThreads());
        try {
            List<Future<ProfileResult>> results = new ArrayList<>();
            for (String name : names) {
                results.add(pool.submit(() -> profiler.profile(model, options(name))));
            }
            for (int i = 0; i < names.size(); i++) {
                progress.starting(i, names.get(i));
                columns.put(names.get(i), resultOf(results.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        progress.finished();
        String title = columns.values().iterator().next().model() + " under " + String.join(", ", names);
        return Comparison.render(title, columns, networks, false);
    }

    /** The profile a worker made; its failure (a ProfilerException, say) reaches the user as itself. */
    private static ProfileResult resultOf(Future<ProfileResult> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing", e);
        }
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "hawkeye-compare");
            t.setDaemon(true);
            return t;
        };
    }

    private String acrossModels(Profiler profiler, List<Network> networks) {
        if (framework == null || frameworks != null) {
            throw new ProfilerException("", "compare with two models needs one --framework NAME, not --frameworks");
        }
        profiler.specs().framework(framework); // an unknown name fails here, before any profiling
        ProfileResult a = profiler.profile(models.get(0), options(framework));
        ProfileResult b = profiler.profile(models.get(1), options(framework));
        Map<String, ProfileResult> columns = new LinkedHashMap<>();
        String nameA = models.get(0).getFileName().toString();
        String nameB = models.get(1).getFileName().toString();
        columns.put(nameA.equals(nameB) ? models.get(0).toString() : nameA, a);
        columns.put(nameA.equals(nameB) ? models.get(1).toString() : nameB, b);
        String title = "change from " + nameA + " to " + nameB + " under " + framework;
        return Comparison.render(title, columns, networks, true);
    }

    private ProfileOptions options(String name) {
        return runOptions.under(name);
    }
}
