package org.hawkeye.specs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What several built-in frameworks share they inherit from one base, never hold as copies: no rule file has the
 * text of another folder's (but for its package line), and no protocol is defined twice the same way. A framework
 * that needs another's rules or protocols extends it (docs/adding-a-framework.md).
 */
class NoCopiedSpecsTest {
    private final SpecLibrary specs = SpecLibrary.load(List.of());

    @Test
    void theMpSpdzFrameworksAreThinFoldersOnOneBase() {
        for (String name : List.of("aby", "aby3", "spdz2k", "falcon")) {
            FrameworkFolder f = specs.framework(name);
            assertThat(f.provenance().lineage()).as(name).containsExactly(name, "mpspdz");
            assertThat(f.rules()).as(name).allSatisfy(r -> assertThat(r.displayPath()).startsWith("specs/mpspdz/"));
            assertThat(f.provenance().protocols()).as(name).containsEntry("relu", "mpspdz").containsEntry("mul", name);
        }
        assertThat(specs.names()).doesNotContain("mpspdz");
    }

    @Test
    void noTwoFoldersHoldTheSameRuleFile() {
        Map<String, String> pathByText = new HashMap<>();
        List<String> copies = new ArrayList<>();
        for (String name : specs.names()) {
            for (RuleFile r : specs.framework(name).rules()) {
                String body = r.text().replaceFirst("(?m)^package [\\w.]+;", "");
                String first = pathByText.putIfAbsent(body, r.displayPath());
                if (first != null && !first.equals(r.displayPath())) {
                    copies.add(r.displayPath() + " copies " + first);
                }
            }
        }
        assertThat(copies).as("rule files held by copy (extend the framework that has them instead)").isEmpty();
    }

    @Test
    void noTwoFrameworksDefineAProtocolTheSameWay() {
        Map<String, ProtocolSpec> byDefinition = new HashMap<>();
        Map<ProtocolSpec, String> owner = new IdentityHashMap<>();
        Set<String> copies = new java.util.TreeSet<>();
        for (String name : specs.names()) {
            FrameworkFolder f = specs.framework(name);
            f.spec().protocols().forEach((protocol, p) -> {
                owner.putIfAbsent(p, f.provenance().protocols().get(protocol));
                ProtocolSpec first = byDefinition.putIfAbsent(protocol + " " + definition(p), p);
                if (first != null && first != p) {
                    copies.add(protocol + " of " + owner.get(p) + " copies " + owner.get(first) + "'s");
                }
            });
        }
        assertThat(copies).as("protocols defined by copy (extend the framework that has them instead)").isEmpty();
    }

    /** Everything a protocol says, without where it is written. */
    private static String definition(ProtocolSpec p) {
        StringBuilder sb = new StringBuilder(p.doc()).append('|').append(p.source()).append('|').append(p.args());
        for (CostSpec c : new CostSpec[] {p.online(), p.offline()}) {
            sb.append('|').append(c == null ? "-" : bits(c) + " / " + c.rounds().text());
        }
        for (CallSpec c : p.calls()) {
            sb.append('|').append(c.protocol()).append(c.label());
            c.args().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v.text()));
            sb.append(" x").append(c.repeat() == null ? "1" : c.repeat().text());
            sb.append(" if ").append(c.when() == null ? "-" : c.when().text());
            sb.append(" as ").append(c.parties()).append(c.inParallel() ? " parallel" : "");
        }
        p.draws().forEach(d -> sb.append("|draws ").append(d.pool()).append(' ').append(d.party()).append(' ')
                .append(d.n().text()));
        return sb.toString();
    }

    /** The bits as one total or per sending party. */
    private static String bits(CostSpec c) {
        if (!c.split()) {
            return c.bits().text();
        }
        StringBuilder sb = new StringBuilder();
        c.sent().forEach((party, f) -> sb.append(party).append('=').append(f.text()).append(';'));
        return sb.toString();
    }
}
