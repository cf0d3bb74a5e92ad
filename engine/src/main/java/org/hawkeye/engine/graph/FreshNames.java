package org.hawkeye.engine.graph;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Names for what a pass adds to a graph, as exporters name repeats: {@code wanted}, else {@code wanted_1},
 * {@code wanted_2}, ... the first one not taken.
 */
public final class FreshNames {
    private FreshNames() {
    }

    /** The first of wanted, wanted_1, wanted_2, ... that {@code taken} does not hold. */
    public static String fresh(String wanted, Predicate<String> taken) {
        String name = wanted;
        for (int k = 1; taken.test(name); k++) {
            name = wanted + "_" + k;
        }
        return name;
    }

    /** A fresh name that {@code used} does not hold yet, added to it. */
    public static String claim(String wanted, Set<String> used) {
        String name = fresh(wanted, used::contains);
        used.add(name);
        return name;
    }
}
