package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.generate.Generation;
import org.hawkeye.engine.report.GenerationHtml;
import org.hawkeye.engine.report.GenerationReport;
import org.hawkeye.engine.report.Network;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The cost of generating text with a decoder exported with its KV cache: the prefill, then each new token. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Communication cost of text generation with a KV cache: the prefill of the prompt, then "
                + "each decode step t = 1..T with a cache of P + t - 1 tokens, from a decoder exported with its past "
                + "keys and values as inputs (past_key_values.N.key/.value)."})
final class GenerateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The decoder's ONNX file, exported with a KV cache.")
    Path model;

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "NAME",
            description = "Framework to profile under (see 'hawkeye frameworks').")
    String framework;

    @Option(names = "--prompt", required = true, paramLabel = "P", description = "Tokens in the prompt (the prefill).")
    long prompt;

    @Option(names = "--new-tokens", required = true, paramLabel = "T", description = "Tokens to generate.")
    long newTokens;

    @Option(names = "--prefill", paramLabel = "FILE",
            description = "Take the prefill from this export (when MODEL takes one token at a time).")
    Path prefill;

    @Mixin
    SeriesOutput out;

    @Mixin
    ModelOptions runOptions;

    @Mixin
    SpecsOption specs;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SpecLibrary library = specs.library();
        ProfileOptions options = runOptions.under(framework).withStrict(out.strict);
        List<Network> networks = out.networks(library);
        ModelFiles.checkOutputFolder(out.output);
        Progress progress = new Progress(spec.commandLine().getErr(), (int) Math.min(Integer.MAX_VALUE,
                newTokens + 1), Progress.onTerminal(), false);
        Generation.Result result = Generation.run(new Profiler(library), model, prefill, options, prompt,
                newTokens, done -> progress.starting(done - 1, "steps"));
        progress.finished();
        String text = switch (out.format) {
            case json -> GenerationReport.json(result, out.network(library));
            case csv -> GenerationReport.csv(result);
            case html -> GenerationHtml.render(result, networks);
            case text -> GenerationReport.text(result, networks);
        };
        ProfileCommand.write(text, out.output, spec);
        return 0;
    }
}
