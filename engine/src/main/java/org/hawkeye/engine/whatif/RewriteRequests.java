package org.hawkeye.engine.whatif;

import java.util.ArrayList;
import java.util.List;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RewriteCatalog;
import org.hawkeye.specs.RewriteSpec;

/**
 * Turns {@code --rewrite TARGET=REPLACEMENT[:N][@PREFIX]} values into {@link Rewrite} facts, checked against the
 * catalogue ({@code specs/common/rewrites.yaml}): an unknown target or replacement, a missing or out-of-range
 * argument, or two requests that would both apply to one op are errors naming the value, never ignored.
 */
public final class RewriteRequests {
    private static final String FORM = "TARGET=REPLACEMENT[@PREFIX], e.g. relu=quad or relu=quad@/layer4";

    private RewriteRequests() {
    }

    public static List<Rewrite> parse(List<String> values, RewriteCatalog catalog) {
        List<Rewrite> out = new ArrayList<>();
        for (String value : values) {
            Rewrite r = parseOne(value, catalog);
            for (Rewrite earlier : out) {
                if (earlier.target().equals(r.target()) && overlap(earlier.prefix(), r.prefix())) {
                    throw error(value, "overlaps --rewrite " + earlier.label() + ": both would apply to the "
                            + r.target() + " ops under " + (r.prefix().length() > earlier.prefix().length()
                            ? r.prefix() : earlier.prefix()).replaceFirst("^$", "the whole model")
                            + "; give disjoint prefixes");
                }
            }
            out.add(r);
        }
        return out;
    }

    private static Rewrite parseOne(String value, RewriteCatalog catalog) {
        String body = value;
        String prefix = "";
        int at = value.indexOf('@');
        if (at >= 0) {
            body = value.substring(0, at);
            prefix = value.substring(at + 1);
            if (prefix.isEmpty()) {
                throw error(value, "nothing after '@': give a node path prefix such as /layer4");
            }
        }
        int eq = body.indexOf('=');
        if (eq <= 0 || eq == body.length() - 1) {
            throw error(value, "expected " + FORM);
        }
        String target = body.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT);
        String replacement = body.substring(eq + 1).trim();
        String argument = null;
        int colon = replacement.indexOf(':');
        if (colon >= 0) {
            argument = replacement.substring(colon + 1);
            replacement = replacement.substring(0, colon);
        }
        List<RewriteSpec> specs = catalog.forTarget(target);
        if (specs.isEmpty()) {
            throw error(value, "unknown target '" + target + "' (known: " + String.join(", ", catalog.targets())
                    + ")");
        }
        String wanted = replacement;
        RewriteSpec spec = specs.stream().filter(s -> s.replacement().equals(wanted)).findFirst().orElseThrow(
                () -> error(value, target + " can become " + String.join(" or ", specs.stream()
                        .map(s -> s.usage().substring(target.length() + 1)).toList()) + ", not '" + wanted + "'"));
        return new Rewrite(target, replacement, argument(value, spec, argument), prefix);
    }

    private static int argument(String value, RewriteSpec spec, String given) {
        if (spec.argument() == null) {
            if (given != null) {
                throw error(value, spec.target() + "=" + spec.replacement() + " takes no argument");
            }
            return 0;
        }
        String range = (spec.min() == null ? "" : spec.min()) + ".." + (spec.max() == null ? "" : spec.max());
        if (given == null || given.isEmpty()) {
            throw error(value, spec.replacement() + " needs its " + spec.argument() + ": " + spec.usage()
                    + " (" + range + ")");
        }
        int n;
        try {
            n = Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw error(value, spec.argument() + " '" + given + "' is not a whole number");
        }
        if (spec.min() != null && n < spec.min() || spec.max() != null && n > spec.max()) {
            throw error(value, spec.argument() + " " + n + " is outside " + range);
        }
        return n;
    }

    /** True when some op could lie under both prefixes (one is the other or contains it). */
    private static boolean overlap(String a, String b) {
        return new Rewrite("", "", 0, a).covers(b) || new Rewrite("", "", 0, b).covers(a);
    }

    private static ProfilerException error(String value, String reason) {
        return new ProfilerException("--rewrite '" + value + "'", reason);
    }
}
