package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTML page without a browser: self-contained, and safe against names that look like markup. */
class HtmlReportTest {
    private static ProfileResult lenet;

    @BeforeAll
    static void load() {
        lenet = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs()))).profile(TestFiles.lenet(),
                ProfileOptions.of("toy"));
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        String html = HtmlReport.render(lenet, Network.defaults());
        assertThat(html).doesNotContain("<link").doesNotContain(" src=").doesNotContain("@import")
                .doesNotContain("url(").doesNotContain("fetch(").doesNotContain("XMLHttpRequest")
                .doesNotContain("/*HAWKEYE_JS*/").doesNotContain("__HAWKEYE_DATA__");
        // the only address in the page is the SVG namespace, which is a name, not a download
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void aModelNamedLikeMarkupCannotEndTheScript() {
        ProfileResult evil = new ProfileResult("</script><b>x</b>", lenet.framework(), lenet.mode(), lenet.weights(),
                lenet.params(), lenet.total(), lenet.tree(), lenet.unsupported());
        String html = HtmlReport.render(evil, Network.defaults());
        assertThat(html).doesNotContain("</script><b>").contains("\\u003c/script>\\u003cb>")
                .contains("<title>&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; under toy - hawkeye</title>");
    }

    @Test
    void theDataCarriesExactBitsAndTheEstimates() {
        String data = HtmlReport.data(lenet, List.of(Network.parse("1Gbps,1ms")));
        // bits as strings (exact past 2^53), and 2997760 bits / 1e9 + 32 rounds x 1 ms online
        assertThat(data).contains("\"total\":[\"" + 640L * 4684 + "\",32,\"0\",0]")
                .contains("\"online\":0.03499776");
    }

    @Test
    void aTrainingStepsDataCarriesEachPhaseForTheSummary() {
        ProfileResult step = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs()))).profile(TestFiles.lenet(),
                ProfileOptions.of("toy").withTraining(org.hawkeye.engine.autograd.TrainingOptions.DEFAULT));
        String data = HtmlReport.data(step, List.of());
        var forward = step.training().phases().get("forward");
        assertThat(data).contains("\"training\":{\"loss\":\"cross_entropy\",\"optimizer\":\"sgd\",\"phases\":{")
                .contains("\"forward\":[\"" + forward.onlineBits() + "\"," + forward.onlineRounds() + ",")
                .contains("\"backward\":[").contains("\"update\":[");
        // inference pages have no training section
        assertThat(HtmlReport.data(lenet, List.of())).doesNotContain("\"training\"");
    }
}
