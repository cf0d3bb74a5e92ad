package org.hawkeye.specs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The networks {@code --network} knows by name ({@code specs/common/networks.yaml}, plus a {@code networks.yaml} in
 * a {@code --specs} folder) and those reports show when none is named. This record is the file's shape; {@link
 * #merge} adds a user's file to the built-in one and checks the result.
 */
public record NetworkCatalog(@JsonProperty(required = true) Map<String, NetworkSpec> networks, List<String> defaults) {

    public NetworkCatalog {
        networks = new LinkedHashMap<>(networks);
        defaults = defaults == null ? List.of() : List.copyOf(defaults);
    }

    /** The named network, following {@code same_as}; null when unknown. */
    public NetworkSpec resolve(String name) {
        NetworkSpec n = networks.get(name);
        return n != null && n.sameAs() != null ? networks.get(n.sameAs()) : n;
    }

    /** This catalog with {@code more}'s networks added (or replacing ones of the same name) and its defaults, if any. */
    NetworkCatalog merge(NetworkCatalog more) {
        Map<String, NetworkSpec> all = new LinkedHashMap<>(networks);
        all.putAll(more.networks);
        return new NetworkCatalog(all, more.defaults.isEmpty() ? defaults : more.defaults);
    }

    /** Every network is complete or names a complete one, and the defaults exist; errors point into {@code file}. */
    void check(String file, Map<Object, SourceLocation> locations) {
        networks.forEach((name, n) -> {
            String at = locations.containsKey(n) ? locations.get(n).toString() : file;
            if (n.sameAs() != null) {
                NetworkSpec target = networks.get(n.sameAs());
                if (n.bandwidth() != null || n.rtt() != null || n.source() != null) {
                    throw new ProfilerException(at, "network '" + name + "': same_as takes nothing else");
                }
                if (target == null || target.sameAs() != null) {
                    throw new ProfilerException(at, "network '" + name + "': same_as '" + n.sameAs()
                            + "' is not a network with its own bandwidth (known: " + String.join(", ", networks.keySet())
                            + ")");
                }
            } else if (n.bandwidth() == null || n.rtt() == null || n.source() == null) {
                throw new ProfilerException(at, "network '" + name + "' needs bandwidth, rtt and source (or same_as)");
            } else {
                NetworkSpec.bitsPerSecond(n.bandwidth(), at + ": network '" + name + "'");
                NetworkSpec.seconds(n.rtt(), at + ": network '" + name + "'");
            }
        });
        for (String d : defaults) {
            if (!networks.containsKey(d)) {
                throw new ProfilerException(file, "defaults: no network '" + d + "' (known: "
                        + String.join(", ", networks.keySet()) + ")");
            }
        }
    }
}
