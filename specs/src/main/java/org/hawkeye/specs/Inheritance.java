package org.hawkeye.specs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Resolves {@code extends:}. A framework (or base) that extends another inherits, transitively:
 * <ul>
 * <li>parameters: its own entries first, in its file's order (a base's parameter given again changes only the
 * fields given, typically the default), then the inherited ones it does not mention, in the base's order;</li>
 * <li>protocols: its own first (a protocol of the base's name replaces it whole), then the inherited ones;</li>
 * <li>rule files: the base's, minus those listed in {@code remove_rules}, with a file of the same path under its
 * own {@code rules/} replacing the base's and other files added; all fire in the order of their paths;</li>
 * <li>pools: its own first (a pool of the base's name replaces it whole), then the inherited ones;</li>
 * <li>title, description, models, defaults and setup: its own when given, else the base's.</li>
 * <li>embeddings: the base's and its own, its own winning by name.</li>
 * </ul>
 * A base ({@code base.yaml}) may leave a protocol's cost or a parameter's default to the frameworks extending it;
 * a framework must end up with every cost and default.
 */
final class Inheritance {
    /** One folder as read: its file, where each of its parts stands, its rule files by path under rules/. */
    record Layer(FrameworkFile file, String yamlPath, Map<Object, SourceLocation> locations,
                 Map<String, RuleFile> rules, boolean isBase) {
    }

    private final Function<String, Layer> layers;
    private final Function<String, String> knownNames;
    private final java.util.Set<String> checkedBases = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * {@code layers} gives the folder of a name (null when unknown); {@code knownNames} lists the names a base can
     * be, for the error naming an unknown one.
     */
    Inheritance(Function<String, Layer> layers, Function<String, String> knownNames) {
        this.layers = layers;
        this.knownNames = knownNames;
    }

    /** Longest chain of frameworks extending one another; the built-in ones extend at most two levels. */
    static final int MAX_CHAIN = 32;

    /** The framework or base {@code name} with all it inherits. */
    Merged merge(String name) {
        return merge(name, new ArrayList<>());
    }

    private Merged merge(String name, List<String> chain) {
        Layer layer = layers.apply(name);
        chain.add(name);
        FrameworkFile file = layer.file();
        if (file.base() == null) {
            if (!file.removeRules().isEmpty()) {
                throw new ProfilerException(file.removeRules().get(0).at().toString(),
                        "remove_rules without extends: there are no inherited rule files to remove");
            }
            return new Merged(name, layer, null);
        }
        LocatedName base = file.base();
        if (chain.contains(base.text())) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(base.text()), chain.size()));
            cycle.add(base.text());
            throw new ProfilerException(base.at().toString(),
                    "frameworks extend each other in a cycle: " + String.join(" -> ", cycle));
        }
        if (layers.apply(base.text()) == null) {
            throw new ProfilerException(base.at().toString(), "extends unknown framework or base '" + base.text()
                    + "' (known: " + knownNames.apply(name) + ")");
        }
        if (chain.size() >= MAX_CHAIN) {
            // the merge recurses once per level: a bound keeps a chain of many folders from overflowing the stack
            throw new ProfilerException(base.at().toString(), "extends nests more than " + MAX_CHAIN
                    + " levels deep (hawkeye's limit): " + String.join(" -> ", chain) + " -> " + base.text());
        }
        Merged parent = merge(base.text(), chain);
        if (parent.layer.isBase() && checkedBases.add(base.text())) {
            // a base is checked on its own too, so that a mistake in it shows even where an extension hides it
            String yaml = parent.layer.yamlPath();
            parent.toFolder(yaml.substring(0, Math.max(0, yaml.lastIndexOf('/'))), false);
        }
        return new Merged(name, layer, parent);
    }

    /** A framework or base with everything it inherits merged in. */
    static final class Merged {
        final String name;
        final Layer layer;
        final List<String> lineage = new ArrayList<>();
        String title;
        String description;
        ModelledSystem models;
        FrameworkDefaults defaults;
        String setup;
        final Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
        final Map<String, String> declaredBy = new HashMap<>();
        final Map<String, String> defaultFrom = new HashMap<>();
        final Map<String, ProtocolSpec> protocols = new LinkedHashMap<>();
        final Map<String, String> protocolFrom = new HashMap<>();
        final Map<String, EmbeddingPolicy> embeddings = new LinkedHashMap<>();
        final Map<String, PoolSpec> pools = new LinkedHashMap<>();
        final TreeMap<String, RuleFile> rules = new TreeMap<>();
        final Map<Object, SourceLocation> locations = new IdentityHashMap<>();

        private Merged(String name, Layer layer, Merged parent) {
            this.name = name;
            this.layer = layer;
            FrameworkFile own = layer.file();
            lineage.add(name);
            locations.putAll(layer.locations());
            if (parent != null) {
                lineage.addAll(parent.lineage);
                locations.putAll(parent.locations);
            }
            title = own.title() != null || parent == null ? own.title() : parent.title;
            description = own.description() != null || parent == null ? own.description() : parent.description;
            models = own.models() != null || parent == null ? own.models() : parent.models;
            defaults = own.defaults() != null || parent == null ? own.defaults() : parent.defaults;
            setup = own.setup() != null || parent == null ? own.setup() : parent.setup;
            if (parent != null) {
                embeddings.putAll(parent.embeddings);
            }
            embeddings.putAll(own.embeddings());
            mergeParameters(own, parent);
            mergeProtocols(own, parent);
            pools.putAll(own.pools());
            if (parent != null) {
                parent.pools.forEach(pools::putIfAbsent);
            }
            mergeRules(own, parent);
        }

        private void mergeParameters(FrameworkFile own, Merged parent) {
            own.parameters().forEach((key, p) -> {
                ParameterSpec inherited = parent == null ? null : parent.parameters.get(key);
                ParameterSpec merged = inherited == null ? p : inherited.overriddenBy(p);
                locations.put(merged, layer.locations().get(p));
                parameters.put(key, merged);
                declaredBy.put(key, inherited == null ? name : parent.declaredBy.get(key));
                if (merged.defaultValue() != null) {
                    defaultFrom.put(key, p.defaultValue() != null ? name : parent.defaultFrom.get(key));
                }
            });
            if (parent != null) {
                parent.parameters.forEach((key, p) -> {
                    if (parameters.putIfAbsent(key, p) == null) {
                        declaredBy.put(key, parent.declaredBy.get(key));
                        if (parent.defaultFrom.containsKey(key)) {
                            defaultFrom.put(key, parent.defaultFrom.get(key));
                        }
                    }
                });
            }
        }

        private void mergeProtocols(FrameworkFile own, Merged parent) {
            own.protocols().forEach((key, p) -> {
                ProtocolSpec inherited = parent == null ? null : parent.protocols.get(key);
                if (inherited != null && isAbstract(inherited) && !inherited.args().equals(p.args())) {
                    throw new ProfilerException(locationOf(p), "protocol '" + key + "' takes " + p.args() + ", but "
                            + parent.protocolFrom.get(key) + " declares it with " + inherited.args() + " at "
                            + parent.locations.get(inherited) + " (its rules and protocols call it so)");
                }
                protocols.put(key, p);
                protocolFrom.put(key, name);
            });
            if (parent != null) {
                parent.protocols.forEach((key, p) -> {
                    if (protocols.putIfAbsent(key, p) == null) {
                        protocolFrom.put(key, parent.protocolFrom.get(key));
                    }
                });
            }
        }

        private void mergeRules(FrameworkFile own, Merged parent) {
            if (parent != null) {
                rules.putAll(parent.rules);
            }
            for (LocatedName removed : own.removeRules()) {
                if (layer.rules().containsKey(removed.text())) {
                    throw new ProfilerException(removed.at().toString(), "remove_rules: '" + removed.text()
                            + "' is also in this folder's rules/, which replaces the inherited file: do not list it");
                }
                if (rules.remove(removed.text()) == null) {
                    throw new ProfilerException(removed.at().toString(), "remove_rules: '" + removed.text()
                            + "' is not a rule file of " + parent.name + " (its files: "
                            + String.join(", ", parent.rules.keySet()) + ")");
                }
            }
            rules.putAll(layer.rules());
        }

        private String locationOf(Object part) {
            SourceLocation at = locations.get(part);
            return at != null ? at.toString() : layer.yamlPath();
        }

        /** The merged framework, checked: a framework must have every key, every cost and every default. */
        FrameworkFolder toFolder(String displayDir, boolean builtIn) {
            if (!layer.isBase()) {
                checkComplete();
            }
            FrameworkSpec spec = new FrameworkSpec(name, title, description, models, defaults, parameters, protocols,
                    setup, pools, embeddings);
            Provenance provenance = new Provenance(lineage, protocolFrom, declaredBy, defaultFrom);
            FrameworkFolder folder = new FrameworkFolder(name, displayDir, builtIn, spec,
                    new ArrayList<>(rules.values()), locations, provenance);
            SpecChecker.check(folder, layer.isBase());
            return folder;
        }

        private void checkComplete() {
            String[][] keys = {{"title", title}, {"description", description},
                    {"models", models == null ? null : ""}, {"defaults", defaults == null ? null : ""}};
            for (String[] key : keys) {
                if (key[1] == null) {
                    throw new ProfilerException(layer.yamlPath(), "missing key '" + key[0] + "'"
                            + (lineage.size() > 1 ? " (neither this file nor the ones it extends give it)" : ""));
                }
            }
            if (protocols.isEmpty()) {
                throw new ProfilerException(layer.yamlPath(), "missing key 'protocols'");
            }
            parameters.forEach((key, p) -> {
                if (p.defaultValue() == null) {
                    String from = declaredBy.get(key);
                    throw new ProfilerException(from.equals(name) ? locationOf(p) : layer.yamlPath(),
                            from.equals(name) ? "missing key 'default' in parameters." + key
                                    : from + " declares parameter '" + key + "' without a default (at "
                                    + locations.get(p) + "): give parameters." + key + ".default here");
                }
            });
            protocols.forEach((key, p) -> {
                String from = protocolFrom.get(key);
                if (isAbstract(p) && !from.equals(name)) {
                    throw new ProfilerException(layer.yamlPath(), from + " declares protocol '" + key + "("
                            + String.join(", ", p.args()) + ")' without a cost (at " + locations.get(p)
                            + "): define its cost here, under protocols");
                }
            });
        }
    }

    /** A protocol a base declares for the frameworks extending it to cost: no cost and no calls. */
    static boolean isAbstract(ProtocolSpec p) {
        return p.online() == null && p.offline() == null && p.calls().isEmpty();
    }
}
