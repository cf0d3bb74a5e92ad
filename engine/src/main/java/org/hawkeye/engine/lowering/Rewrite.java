package org.hawkeye.engine.lowering;

/**
 * Fact: a what-if rewrite the user asked for, {@code target=replacement[:argument][@prefix]} (e.g.
 * {@code relu=poly:3@/layer4}). Approximate-phase rules match it together with the op pattern of the target and
 * apply it to ops under {@code prefix} (empty: everywhere). {@code argument} is 0 when the rewrite takes none.
 */
public record Rewrite(String target, String replacement, int argument, String prefix) {

    public Rewrite {
        // "/layer4/" and "/layer4" mean the same module
        while (prefix.length() > 1 && prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
    }

    public static Rewrite everywhere(String target, String replacement) {
        return new Rewrite(target, replacement, 0, "");
    }

    /** True when the op lies under this rewrite's prefix: the op itself or anything in that module. */
    public boolean covers(String opId) {
        return prefix.isEmpty() || opId.equals(prefix) || opId.startsWith(prefix + "/");
    }

    /** How the user wrote it, normalised: {@code relu=poly:3@/layer4}. */
    public String label() {
        return target + "=" + replacement + (argument == 0 ? "" : ":" + argument) + (prefix.isEmpty() ? "" : "@" + prefix);
    }

    public String getTarget() {
        return target;
    }

    public String getReplacement() {
        return replacement;
    }

    public int getArgument() {
        return argument;
    }

    public String getPrefix() {
        return prefix;
    }

    @Override
    public String toString() {
        return label();
    }
}
