package org.hawkeye.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.report.CsvReport;
import org.hawkeye.engine.report.HtmlReport;
import org.hawkeye.engine.report.JsonReport;
import org.hawkeye.engine.report.Network;
import org.hawkeye.engine.report.TextReport;
import org.hawkeye.engine.report.TimeTable;
import org.hawkeye.specs.ProfilerException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The work of {@code hawkeye profile}: one or several models profiled with the same options and rendered in one
 * format. Several models give a report per model plus a summary table (text), a JSON array, one CSV, or one HTML
 * page per model in the {@code --output} folder.
 */
final class ProfileRun {
    private final Profiler profiler;
    private final ProfileOptions options;
    private final ProfileCommand.Format format;
    private final int depth;
    private final Network network;
    private final CommandSpec spec;
    private final List<String> rewrites;

    ProfileRun(Profiler profiler, ProfileOptions options, ProfileCommand.Format format, int depth, Network network,
               CommandSpec spec, List<String> rewrites) {
        this.rewrites = List.copyOf(rewrites);
        this.profiler = profiler;
        this.options = options;
        this.format = format;
        this.depth = depth;
        this.network = network;
        this.spec = spec;
    }

    int run(List<Path> given, Path output) {
        List<Path> models = ModelFiles.expand(given);
        boolean several = models.size() > 1;
        if (several && format == ProfileCommand.Format.html) {
            if (output == null || !Files.isDirectory(output)) {
                throw new ProfilerException("--output " + (output == null ? "" : output),
                        "--format html with several models writes a page per model: give an existing folder");
            }
        } else {
            ModelFiles.checkOutputFolder(output);
        }
        List<ProfileResult> results = profileAll(models);
        if (format == ProfileCommand.Format.html && several) {
            for (ProfileResult r : results) {
                Path page = output.resolve(r.model() + ".html");
                ProfileCommand.write(HtmlReport.render(r, networks()), page, spec);
                spec.commandLine().getOut().println("wrote " + page);
            }
            spec.commandLine().getOut().print(summary(results));
            spec.commandLine().getOut().flush();
            return 0;
        }
        ProfileCommand.write(render(results), output, spec);
        return 0;
    }

    private List<ProfileResult> profileAll(List<Path> models) {
        Progress progress = new Progress(spec.commandLine().getErr(), models.size(), Progress.onTerminal());
        List<ProfileResult> results = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            progress.starting(i, models.get(i).getFileName().toString());
            results.add(rewrites.isEmpty() ? profiler.profile(models.get(i), options)
                    : RewrittenModels.profile(profiler.specs(), models.get(i), options, rewrites, spec));
        }
        progress.finished();
        return results;
    }

    /** The networks text and HTML show times for: LAN and WAN, and {@code --network} when it is another. */
    private List<Network> networks() {
        List<Network> out = new ArrayList<>(Network.defaults(profiler.specs().networks()));
        if (network != null && out.stream().noneMatch(n -> n.name().equals(network.name()))) {
            out.add(network);
        }
        return out;
    }

    private String render(List<ProfileResult> results) {
        return switch (format) {
            case json -> results.size() == 1 ? JsonReport.render(results.get(0), network) : jsonArray(results);
            case csv -> CsvReport.render(results);
            case html -> HtmlReport.render(results.get(0), networks());
            case text -> text(results);
        };
    }

    private String jsonArray(List<ProfileResult> results) {
        List<String> parts = new ArrayList<>();
        for (ProfileResult r : results) {
            parts.add(JsonReport.render(r, network).strip());
        }
        return "[\n" + String.join(",\n", parts) + "\n]" + System.lineSeparator();
    }

    private String text(List<ProfileResult> results) {
        StringBuilder sb = new StringBuilder();
        for (ProfileResult r : results) {
            if (sb.length() > 0) {
                sb.append("\n").append("=".repeat(72)).append("\n\n");
            }
            sb.append(TextReport.render(r, depth));
            sb.append('\n').append(TimeTable.forTotal(r.total(), r.traffic(), networks()));
        }
        if (results.size() > 1) {
            sb.append("\n").append("=".repeat(72)).append("\n\n").append(summary(results));
        }
        return sb.toString();
    }

    private String summary(List<ProfileResult> results) {
        return TimeTable.summary(results, networks());
    }
}
