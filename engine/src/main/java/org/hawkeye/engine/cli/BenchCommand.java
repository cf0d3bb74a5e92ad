package org.hawkeye.engine.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.graph.SyntheticGraphs;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.specs.ProfilerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Times profiles in one process: the first run (which pays for class loading and the rule-base build) and the
 * median of warm runs, per model. A benchmark command rather than a unit test, so no test has a time limit.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time profiling of models (files or folders of .onnx, or synthetic chains): first run and warm median;"
                + " warm runs exclude reading the file.")
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "MODEL", description = "ONNX files or folders of them.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--synthetic", paramLabel = "N,N,...",
            description = "Also time synthetic chains of N nodes (ReLU, Add with a weight, ...) to show scaling.",
            split = ",")
    List<Integer> synthetic = new ArrayList<>();

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME", description = "Framework.")
    String framework;

    /** Enough for a stable median; each run's times are kept. */
    static final int MAX_RUNS = 100_000;
    /** The largest synthetic chain: ten times the largest zoo model's node count and more. */
    static final int MAX_SYNTHETIC_NODES = 1_000_000;

    @Option(names = "--runs", paramLabel = "N", description = "Warm runs per model (default: ${DEFAULT-VALUE}).")
    int runs = 10;

    @Option(names = "--batch", paramLabel = "N", description = "Set the leading dimension of the data inputs.")
    Long batch;

    @Option(names = "--input", paramLabel = "NAME=DIMS", description = "Set a data input's shape; repeatable.")
    java.util.Map<String, String> inputs = new java.util.LinkedHashMap<>();

    @Option(names = "--dim", paramLabel = "NAME=N", description = "Set every input axis the export named NAME.")
    java.util.Map<String, String> dims = new java.util.LinkedHashMap<>();

    @Mixin
    TrainingMixin training;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new ProfilerException("", "--runs must be at least 1 and at most " + MAX_RUNS + ", not " + runs);
        }
        for (int n : synthetic) {
            if (n < 1 || n > MAX_SYNTHETIC_NODES) {
                throw new ProfilerException("", "--synthetic must give chains of 1 to " + MAX_SYNTHETIC_NODES
                        + " nodes, not " + n);
            }
        }
        Profiler profiler = new Profiler(specs.library());
        ProfileOptions options = ProfileOptions.of(framework).withBatch(batch).withTraining(training.options())
                .withShapes(ModelOptions.shapes(inputs, dims));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model", "nodes", "first (ms)", "warm median (ms)", "warm min (ms)",
            "warm median CPU (ms)", "peak heap (MB)"});
        if (models.isEmpty() && synthetic.isEmpty()) {
            throw new ProfilerException("", "give MODEL files or --synthetic N");
        }
        for (Path model : expand(models)) {
            rows.add(time(model.getFileName().toString(), () -> OnnxImporter.read(model), profiler, options));
        }
        for (int n : synthetic) {
            if (n < 2) {
                throw new ProfilerException("", "--synthetic needs at least 2 nodes, not " + n);
            }
            rows.add(time("synthetic chain", () -> SyntheticGraphs.chain(n), profiler, options));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TextReport.plainTable(rows));
        out.printf("framework %s, %s, %d warm runs each, JVM %s, %d cores%n", framework, options.mode(), runs,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }

    private String[] time(String name, java.util.function.Supplier<Graph> graph, Profiler profiler,
                          ProfileOptions options) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        try (HeapPeak heap = new HeapPeak()) {
            long t0 = System.nanoTime();
            var first = profiler.profile(graph.get(), name, options);
            long firstNs = System.nanoTime() - t0;
            long[] warm = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                Graph g = graph.get();
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                profiler.profile(g, name, options);
                warm[i] = System.nanoTime() - t;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(warm);
            Arrays.sort(cpu);
            return new String[] {name, String.valueOf(first.tree().ops().size()), ms(firstNs), ms(warm[runs / 2]),
                ms(warm[0]), ms(cpu[runs / 2]), String.valueOf(heap.bytes() / (1024 * 1024))};
        }
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static List<Path> expand(List<Path> paths) throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".onnx")).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
