package org.hawkeye.engine.lowering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hawkeye.specs.RuleFile;

/**
 * Which rules of a framework can decide an op type, read from the DRL text: the op types a rule's Op pattern
 * names ({@code type == "Relu"}, {@code type in ("Add", "Sub")}) and what its consequence emits. It answers
 * "what does a Relu become under this framework" without building a rule base.
 */
public final class RuleIndex {
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"");
    private static final Pattern TYPE_EQ = Pattern.compile("Op\\s*\\([^)]*?type\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern TYPE_IN = Pattern.compile("Op\\s*\\([^)]*?type\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern EMIT = Pattern.compile(
            "lower\\.(call|free|unsupported)\\(\\s*\\$\\w+\\s*,\\s*\"([^\"]*)\"");

    /** One rule that can decide an op type. */
    public record Entry(String rule, String file, int line, Set<String> opTypes, List<String> emits) {
    }

    private RuleIndex() {
    }

    public static List<Entry> index(List<RuleFile> files) {
        List<Entry> out = new ArrayList<>();
        for (RuleFile f : files) {
            String text = f.text();
            Matcher m = RULE.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[] {m.start()});
                names.add(m.group(1));
            }
            for (int i = 0; i < names.size(); i++) {
                int from = starts.get(i)[0];
                int to = i + 1 < names.size() ? starts.get(i + 1)[0] : text.length();
                String body = text.substring(from, to);
                Set<String> types = new LinkedHashSet<>();
                Matcher eq = TYPE_EQ.matcher(body);
                while (eq.find()) {
                    types.add(eq.group(1));
                }
                Matcher in = TYPE_IN.matcher(body);
                while (in.find()) {
                    for (String t : in.group(1).split(",")) {
                        types.add(t.trim().replace("\"", ""));
                    }
                }
                List<String> emits = new ArrayList<>();
                Matcher e = EMIT.matcher(body);
                while (e.find()) {
                    emits.add(e.group(1).equals("call") ? e.group(2) : e.group(1) + " (" + e.group(2) + ")");
                }
                int line = (int) text.substring(0, from).chars().filter(c -> c == '\n').count() + 1;
                out.add(new Entry(names.get(i), f.displayPath(), line, types, emits));
            }
        }
        return out;
    }

    /**
     * The rules whose Op pattern names {@code opType} and that decide it (emit a call, free or unsupported); rules
     * that only derive facts about it (fusions) or rewrite it on request (what-if) do not decide what it costs.
     */
    public static List<Entry> forOpType(List<RuleFile> files, String opType) {
        return index(files).stream().filter(e -> e.opTypes().contains(opType) && !e.emits().isEmpty()).toList();
    }
}
