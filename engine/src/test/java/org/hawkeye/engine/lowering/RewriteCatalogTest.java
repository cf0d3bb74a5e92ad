package org.hawkeye.engine.lowering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hawkeye.specs.CommonRules;
import org.hawkeye.specs.RewriteSpec;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/** specs/common/rewrites.yaml and the approximate-phase rules agree: every listed rule exists, none is unlisted. */
class RewriteCatalogTest {

    @Test
    void everyRewriteNamesExistingApproximateRulesAndEveryApproximateRuleIsListed() {
        CommonRules common = SpecLibrary.load(List.of()).common();
        List<String> phases = common.pipeline().phaseNames();
        List<String> approximate = RuleCatalog.of(RuleBase.build(common.rules(), phases), common.rules(), phases)
                .stream().filter(e -> e.file().startsWith("specs/common/rules/approximate/"))
                .map(RuleCatalog.Entry::rule).toList();
        List<String> listed = common.rewrites().rewrites().stream().flatMap(r -> r.rules().stream()).toList();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(approximate);
        assertThat(common.rewrites().rewrites()).extracting(RewriteSpec::usage).containsExactly(
                "relu=quad", "relu=poly:DEGREE", "gelu=quad", "silu=quad", "silu=relu", "softmax=2quad", "maxpool=avgpool");
    }
}
