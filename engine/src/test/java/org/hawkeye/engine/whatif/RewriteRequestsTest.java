package org.hawkeye.engine.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hawkeye.engine.lowering.Rewrite;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.RewriteCatalog;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --rewrite values: what is accepted, and every way to get one wrong, with the exact message. */
class RewriteRequestsTest {
    private static RewriteCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = SpecLibrary.load(List.of()).common().rewrites();
    }

    private static List<Rewrite> parse(String... values) {
        return RewriteRequests.parse(List.of(values), catalog);
    }

    private static void rejects(String value, String message) {
        assertThatThrownBy(() -> parse(value)).isInstanceOf(ProfilerException.class)
                .hasMessage("--rewrite '" + value + "': " + message);
    }

    @Test
    void acceptsEveryCatalogueEntryWithOrWithoutAPrefix() {
        assertThat(parse("relu=quad@/layer4/", "gelu=quad", "softmax=2quad@/encoder", "maxpool=avgpool",
                "relu=poly:3@/layer3")).containsExactly(
                new Rewrite("relu", "quad", 0, "/layer4"), new Rewrite("gelu", "quad", 0, ""),
                new Rewrite("softmax", "2quad", 0, "/encoder"), new Rewrite("maxpool", "avgpool", 0, ""),
                new Rewrite("relu", "poly", 3, "/layer3"));
    }

    @Test
    void rejectsUnknownTargetsAndReplacements() {
        rejects("relu=cubic", "relu can become quad or poly:DEGREE, not 'cubic'");
        rejects("swish=quad", "unknown target 'swish' (known: relu, gelu, silu, softmax, maxpool)");
        rejects("relu", "expected TARGET=REPLACEMENT[@PREFIX], e.g. relu=quad or relu=quad@/layer4");
        rejects("relu=", "expected TARGET=REPLACEMENT[@PREFIX], e.g. relu=quad or relu=quad@/layer4");
        rejects("relu=quad@", "nothing after '@': give a node path prefix such as /layer4");
    }

    @Test
    void rejectsMissingWrongAndUnexpectedArguments() {
        rejects("relu=poly", "poly needs its degree: relu=poly:DEGREE (2..16)");
        rejects("relu=poly:1", "degree 1 is outside 2..16");
        rejects("relu=poly:17", "degree 17 is outside 2..16");
        rejects("relu=poly:two", "degree 'two' is not a whole number");
        rejects("relu=quad:2", "relu=quad takes no argument");
    }

    @Test
    void rejectsRequestsThatWouldApplyToTheSameOps() {
        assertThatThrownBy(() -> parse("relu=quad@/layer4", "relu=poly:3@/layer4/layer4.0"))
                .hasMessage("--rewrite 'relu=poly:3@/layer4/layer4.0': overlaps --rewrite relu=quad@/layer4: both "
                        + "would apply to the relu ops under /layer4/layer4.0; give disjoint prefixes");
        assertThatThrownBy(() -> parse("relu=quad", "relu=quad@/layer1"))
                .hasMessageContaining("overlaps --rewrite relu=quad: both would apply to the relu ops under /layer1");
        // different targets, or disjoint prefixes of one target, are fine
        assertThat(parse("relu=quad@/layer1", "relu=poly:4@/layer10", "maxpool=avgpool")).hasSize(3);
    }
}
