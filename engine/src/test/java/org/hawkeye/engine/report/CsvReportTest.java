package org.hawkeye.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One CSV row per tree node, under toy's hand-checkable costs (relu(n) = 640n bits, 8 rounds). */
class CsvReportTest {
    private static ProfileResult lenet;

    @BeforeAll
    static void load() {
        lenet = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs()))).profile(TestFiles.lenet(),
                ProfileOptions.of("toy"));
    }

    private static int count(TreeNode n) {
        return 1 + n.children().stream().mapToInt(CsvReportTest::count).sum();
    }

    private static List<String[]> rows(String csv) {
        return Arrays.stream(csv.split("\r\n")).map(line -> line.split(",", -1)).toList();
    }

    @Test
    void aRowPerNodeWithPathKindOpProtocolAndCosts() {
        List<String[]> rows = rows(CsvReport.render(lenet));
        assertThat(String.join(",", rows.get(0))).isEqualTo(
                "model,path,kind,op,protocol,repeat,online_bits,online_rounds,offline_bits,offline_rounds,phase,"
                        + "online_bits_by_party,offline_bits_by_party");
        assertThat(rows).hasSize(1 + count(lenet.tree()));
        assertThat(rows.get(1)).containsExactly("lenet", "/", "model", "", "", "", String.valueOf(640L * 4684), "32",
                "0", "0", "", "", "");
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("lenet", "/features/features.1/Relu", "op",
                "Relu", "", "", String.valueOf(640L * 3456), "8", "0", "0", "", "", ""));
        // protocol rows carry the op type above them, and the call chain in the path
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("lenet", "/features/features.1/Relu/relu/ltz",
                "protocol", "Relu", "ltz", "1", String.valueOf(2 * 64 * 3 * 3456L), "7", "0", "0", "", "", ""));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("lenet", "/features/features.0/Conv", "op",
                "Conv", "", "", "0", "0", "0", "0", "", "", ""));
    }

    @Test
    void aTrainingStepsRowsNameTheirPhase() {
        ProfileResult step = new Profiler(SpecLibrary.load(List.of(TestFiles.toySpecs()))).profile(TestFiles.lenet(),
                ProfileOptions.of("toy").withTraining(org.hawkeye.engine.autograd.TrainingOptions.DEFAULT));
        List<String[]> rows = rows(CsvReport.render(step));
        java.util.Map<String, String> phaseByPath = new java.util.HashMap<>();
        rows.stream().skip(1).forEach(r -> phaseByPath.put(r[1], r[10]));
        // an op row and the protocol rows under it carry the op's phase
        assertThat(phaseByPath.get("/features/features.1/forward/Relu")).isEqualTo("forward");
        assertThat(phaseByPath.get("/features/features.1/forward/Relu/relu")).isEqualTo("forward");
        assertThat(phaseByPath.get("/features/features.1/backward/input_grad")).isEqualTo("backward");
        // a module holding one phase's ops names it; one holding several, and the model, name none
        assertThat(phaseByPath.get("/features/features.1/backward")).isEqualTo("backward");
        assertThat(phaseByPath.get("/features/features.1")).isEmpty();
        assertThat(phaseByPath.get("/")).isEmpty();
        assertThat(phaseByPath.entrySet()).anySatisfy(e -> assertThat(e.getKey()).startsWith("/update/"))
                .filteredOn(e -> e.getKey().startsWith("/update/")).allSatisfy(e ->
                        assertThat(e.getValue()).isEqualTo("update"));
    }

    @Test
    void severalModelsShareOneHeader() {
        String csv = CsvReport.render(List.of(lenet, lenet));
        assertThat(csv.split(CsvReport.HEADER, -1)).hasSize(2);
        assertThat(rows(csv)).hasSize(1 + 2 * count(lenet.tree()));
    }

    @Test
    void fieldsWithCommasOrQuotesAreQuoted() {
        assertThat(CsvReport.field("plain/path")).isEqualTo("plain/path");
        assertThat(CsvReport.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReport.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }
}
