package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.generate.Generation;
import org.hawkeye.engine.generate.Sweep;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders HTML reports in headless Chromium and checks that the page's own script drew every chart without a
 * JavaScript error (it writes "ok" into #render-status, errors into #render-errors). Screenshots go to
 * target/html-report/ for a person to look at. Skipped only on a machine without Chromium and outside CI; under
 * CI (which installs the Debian package) a missing browser fails the test.
 */
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of(System.getProperty("basedir", ".")).resolve("target/html-report");
    private static Profiler profiler;
    private static String chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() throws IOException {
        chromium = findChromium();
        if (chromium == null && System.getenv("CI") != null) {
            throw new AssertionError("CI is set but chromium is not on PATH; .ci/run installs the Debian package");
        }
        Files.createDirectories(OUT);
        profiler = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs(), TestFiles.resource("specs/duplex"))));
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium); skipped outside CI");
    }

    private static String findChromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p.toString();
                }
            }
        }
        return null;
    }

    /** Runs headless Chromium on a page with a fresh profile; returns what it printed on stdout. */
    private String browse(Path page, String fragment, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(page.toUri() + fragment);
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int code = p.waitFor();
        assertThat(code).as("chromium exit code; stderr: %s", Files.readString(stderr)).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    private Path page(String name, ProfileResult r) throws IOException {
        Path page = OUT.resolve(name + ".html");
        Files.writeString(page, HtmlReport.render(r, Network.defaults()), StandardCharsets.UTF_8);
        return page;
    }

    private static String status(String dom) {
        Matcher m = Pattern.compile("<div id=\"render-status\" data-status=\"([a-z]+)\"").matcher(dom);
        assertThat(m.find()).as("render-status in the DOM").isTrue();
        return m.group(1);
    }

    private static String errors(String dom) {
        Matcher m = Pattern.compile("<pre id=\"render-errors\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("render-errors in the DOM").isTrue();
        return m.group(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void minionnUnderCryptenDrawsEveryChart() throws Exception {
        ProfileResult r = profiler.profile(TestFiles.resource("onnx/minionn.onnx"), ProfileOptions.of("crypten"));
        Path page = page("minionn-crypten", r);
        String dom = browse(page, "", "--dump-dom");
        assertThat(errors(dom)).isEmpty();
        assertThat(status(dom)).isEqualTo("ok");
        assertThat(dom).contains("data-charts=\"2\"").contains("<h1 id=\"title\">minionn under crypten</h1>")
                .contains("complete: every op was costed").contains("Time on wan");
        // a bar segment per module and class that costs something, a rectangle per costly tree node
        int costlyModules = Breakdown.of(r.tree()).costly().size();
        assertThat(occurrences(dom, "class=\"seg\"")).isGreaterThanOrEqualTo(costlyModules);
        assertThat(occurrences(dom, "class=\"node\"")).isGreaterThan(20);
        // the four bottleneck tables, each with HtmlReport.TOP rows or fewer
        assertThat(occurrences(dom, "<table class=\"top\"")).isEqualTo(4);

        Path png = OUT.resolve("minionn-crypten.png");
        Files.deleteIfExists(png);
        browse(page, "", "--window-size=1300,1500", "--screenshot=" + png);
        byte[] head = Files.readAllBytes(png);
        assertThat(head.length).isGreaterThan(10_000);
        assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void lenetUnderToyListsWhatWasNotCostedAndZoomsFromTheAddress() throws Exception {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy"));
        Path page = page("lenet-toy", r);
        String dom = browse(page, "#/features/features.1", "--dump-dom");
        assertThat(errors(dom)).isEmpty();
        assertThat(status(dom)).isEqualTo("ok");
        assertThat(dom).contains("lower bound: 3 op type(s), 7 node(s) not costed")
                .contains("<td>MaxPool</td>").contains("toy has no maximum protocol");
        // the address zoomed the icicle: the path above it ends in features.1, and nothing outside it is drawn
        assertThat(dom).contains("<a role=\"button\">features.1</a>").doesNotContain(">classifier.1<");
        browse(page, "#/features/features.1", "--window-size=1300,1300", "--screenshot=" + OUT.resolve("lenet-toy.png"));
    }

    @Test
    void aFrameworkSplittingTrafficShowsEachPartyAndTheSetup() throws Exception {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("duplex"));
        String dom = browse(page("lenet-duplex", r), "", "--dump-dom");
        assertThat(errors(dom)).isEmpty();
        assertThat(status(dom)).isEqualTo("ok");
        assertThat(dom).contains("sent by server ").contains(", client ").contains("One-time setup")
                .contains("not in the totals");
    }

    @Test
    void aGenerationDrawsTheCostOfEachTokenByPartOfTheModel() throws Exception {
        Generation.Result g = Generation.run(profiler, TestFiles.resource("models/generation/gpt2_kv_ts.onnx"), null,
                ProfileOptions.of("crypten"), 16, 24, done -> { });
        Path page = OUT.resolve("gpt2-generation.html");
        Files.writeString(page, GenerationHtml.render(g, Network.defaults()), StandardCharsets.UTF_8);
        String dom = browse(page, "", "--dump-dom");
        assertThat(errors(dom)).isEmpty();
        assertThat(status(dom)).isEqualTo("ok");
        // a line per part (attention, mlp, norm, embedding, head; "other" is left out when it is zero all along)
        // and the dashed whole step, over the 24 generated tokens
        assertThat(occurrences(dom, "class=\"line\"")).isEqualTo(5);
        assertThat(occurrences(dom, "class=\"line total\"")).isEqualTo(1);
        assertThat(dom).contains("Cost per generated token").contains(">attention<").contains("Last token");
        browse(page, "", "--window-size=1300,1400", "--screenshot=" + OUT.resolve("gpt2-generation.png"));
    }

    @Test
    void aSweepDrawsALinePerCombinationAndItsPolynomials() throws Exception {
        Path bert = TestFiles.resource("models/generation/bert_ts.onnx");
        List<Sweep.Variable> vary = Sweep.parse(List.of("batch=1,2", "seq=8,16,32,64"), OnnxImporter.read(bert),
                profiler.specs().framework("semi2k"));
        Sweep.Result r = Sweep.run(profiler, bert, ProfileOptions.of("semi2k"), vary, done -> { });
        Path page = OUT.resolve("bert-sweep.html");
        Files.writeString(page, SweepHtml.render(r, Network.defaults()), StandardCharsets.UTF_8);
        String dom = browse(page, "", "--dump-dom");
        assertThat(errors(dom)).isEmpty();
        assertThat(status(dom)).isEqualTo("ok");
        // seq has the most values, so it is the x axis, with a line per batch
        assertThat(occurrences(dom, "class=\"line\"")).isEqualTo(2);
        assertThat(dom).contains("Cost by seq").contains("*seq^2 + ");
        browse(page, "", "--window-size=1300,1400", "--screenshot=" + OUT.resolve("bert-sweep.png"));
    }

    @Test
    void aPageWhoseDataIsBrokenSaysSo() throws Exception {
        ProfileResult r = profiler.profile(TestFiles.lenet(), ProfileOptions.of("toy"));
        String html = HtmlReport.render(r, Network.defaults());
        assertThat(html).contains("\"tree\":[");
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, html.replace("\"tree\":[", "\"tree\":null,\"was\":["));
        String dom = browse(page, "", "--dump-dom");
        assertThat(status(dom)).isEqualTo("error");
        assertThat(errors(dom)).isNotBlank();
    }
}
