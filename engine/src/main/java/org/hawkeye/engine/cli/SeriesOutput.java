package org.hawkeye.engine.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hawkeye.engine.report.Network;
import org.hawkeye.specs.SpecLibrary;
import picocli.CommandLine.Option;

/** How generate and sweep report their many profiles: format, output file, strictness and networks. */
final class SeriesOutput {
    @Option(names = "--format", paramLabel = "text|json|csv|html",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    ProfileCommand.Format format = ProfileCommand.Format.text;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE.")
    Path output;

    @Option(names = "--strict", description = "Fail when an op cannot be costed, instead of listing it.")
    boolean strict;

    @Option(names = "--network", paramLabel = "NAME|BANDWIDTH,RTT",
            description = "Estimate time on this network too (a name of networks.yaml, or e.g. 1Gbps,0.5ms); adds "
                    + "\"time\" to JSON.")
    String network;

    /** The --network, or null. */
    Network network(SpecLibrary library) {
        return network == null ? null : Network.parse(network, Network.presets(library.networks()));
    }

    /** The networks text and HTML show times for: the defaults, and --network when it is another. */
    List<Network> networks(SpecLibrary library) {
        List<Network> out = new ArrayList<>(Network.defaults(library.networks()));
        Network net = network(library);
        if (net != null && out.stream().noneMatch(n -> n.name().equals(net.name()))) {
            out.add(net);
        }
        return out;
    }
}
