package org.hawkeye.engine.prepare;

import java.util.Set;
import org.hawkeye.engine.graph.Graph;

/**
 * A model as every framework sees it, before lowering (and before autograd, so that a training step is derived
 * from it): GELU fused whatever form the exporter wrote ({@link GeluForms}), 1 / x as a Reciprocal
 * ({@link Reciprocals}), and the data holder's token ids
 * with the embedding lookups they index under the embedding policy ({@link EmbeddingLookups}).
 *
 * @param graph   the prepared graph, or the input graph itself when nothing changed (its shapes then still hold)
 * @param lookups how many embedding lookups the policy decided
 */
public record Prepared(Graph graph, int lookups) {

    /** Prepares a graph whose shapes are inferred; the result needs its shapes inferred again if it changed. */
    public static Prepared of(Graph graph, Set<String> publicInputs, String embeddingPolicy) {
        Graph fused = Reciprocals.canonical(GeluForms.fuse(graph));
        EmbeddingLookups.Result looked = EmbeddingLookups.apply(fused, publicInputs, embeddingPolicy);
        return new Prepared(looked.graph(), looked.lookups());
    }
}
