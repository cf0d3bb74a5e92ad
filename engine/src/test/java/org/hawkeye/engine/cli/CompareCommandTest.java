package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.Test;

/**
 * compare, with toy's hand-checkable costs: relu(n) = 640n bits in 8 rounds. LeNet's features hold 3456 + 1024
 * ReLU elements and its classifier 120 + 84; MiniONN has only features.
 */
class CompareCommandTest {
    private static final String TOY = TestFiles.toySpecs().toString();
    private static final String LENET = TestFiles.lenet().toString();

    private static String section(String out, String title) {
        int start = out.indexOf("\n" + title + "\n");
        assertThat(start).as("section '%s' in:%n%s", title, out).isNotNegative();
        int end = out.indexOf("\n\n", start + 1);
        return out.substring(start + 1, end < 0 ? out.length() : end + 1);
    }

    @Test
    void oneModelUnderSeveralFrameworksIsAColumnEach() {
        CliErrorsTest.Run r = CliErrorsTest.run("compare", LENET, "--frameworks", "toy,crypten", "--specs", TOY);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("lenet under toy, crypten\n");
        String bits = section(r.out(), "online bits");
        assertThat(bits).containsPattern("(?m)^  module +toy +crypten$")
                .containsPattern("(?m)^  features +350.00 KiB +[0-9.]+ [KM]iB$")
                .containsPattern("(?m)^  classifier +15.94 KiB +")
                .containsPattern("(?m)^  total +365.94 KiB +");
        assertThat(section(r.out(), "online rounds")).containsPattern("(?m)^  features +16 +[0-9]+$");
        // 2997760 bits / 72e6 bit/s + 32 rounds x 72 ms = 2.35 s on the WAN preset
        assertThat(section(r.out(), "time on wan (72 Mbit/s, 72.0 ms RTT), online + offline"))
                .containsPattern("(?m)^  total +2.35 s +");
        assertThat(r.out()).contains("zero in every column: offline bits, offline rounds")
                .contains("NOT COSTED (those columns are lower bounds):\n  toy: Conv x2, MaxPool x2, Gemm x3");
        assertThat(r.err()).isEqualTo("[1/2] toy\n[2/2] crypten\n");
    }

    @Test
    void allMeansEveryFrameworkTheLibraryKnows() {
        CliErrorsTest.Run r = CliErrorsTest.run("compare", LENET, "--frameworks", "all", "--specs", TOY);
        assertThat(r.code()).as(r.err()).isZero();
        // every built-in framework, then the one --specs adds, in name order
        List<String> names = new ArrayList<>(SpecLibrary.load(List.of()).names());
        names.add("toy");
        Collections.sort(names);
        assertThat(names).contains("crypten", "semi2k", "sigma");
        assertThat(section(r.out(), "online bits")).containsPattern("(?m)^  module +" + String.join(" +", names) + "$");
    }

    @Test
    void twoVariantsOfAModelShowTheChangePerModule() {
        CliErrorsTest.Run r = CliErrorsTest.run("compare", LENET, TestFiles.resource("onnx/minionn.onnx").toString(),
                "-f", "toy", "--specs", TOY);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("change from lenet.onnx to minionn.onnx under toy\n");
        String bits = section(r.out(), "online bits");
        // features: 640 x 4480 = 2867200 bits (350 KiB), then 110755840 (13.20 MiB), 38.629 times as many; the
        // classifier is gone
        assertThat(bits).containsPattern("(?m)^  module +lenet.onnx +minionn.onnx +change +change %$")
                .containsPattern("(?m)^  features +350.00 KiB +13.20 MiB +\\+12.86 MiB +\\+3762.9%$")
                .containsPattern("(?m)^  classifier +15.94 KiB +0 +-15.94 KiB +gone$");
        // 56 rounds against 16: +250%
        assertThat(section(r.out(), "online rounds")).containsPattern("(?m)^  features +16 +56 +\\+40 +\\+250.0%$");
    }

    @Test
    void theSameSizesGiveNoChangeAndALargerInputItsFactor() {
        CliErrorsTest.Run r = CliErrorsTest.run("compare", TestFiles.resource("onnx/op_relu_n10.onnx").toString(),
                TestFiles.resource("onnx/op_relu_n1000.onnx").toString(), "-f", "toy", "--specs", TOY);
        assertThat(r.code()).as(r.err()).isZero();
        // relu(10) = 6400 bits = 800 B, relu(1000) = 80000 B; rounds do not depend on n
        assertThat(section(r.out(), "online bits")).containsPattern("(?m)^  Relu_0 +800 B +78.13 KiB +\\+77.34 KiB +\\+9900.0%$");
        assertThat(section(r.out(), "online rounds")).containsPattern("(?m)^  Relu_0 +8 +8 +0 +0.0%$");
    }

    @Test
    void theWrongFrameworkOptionForTheNumberOfModelsIsOneLine() {
        CliErrorsTest.Run r = CliErrorsTest.run("compare", LENET, "-f", "toy", "--specs", TOY);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("hawkeye: compare with one model needs --frameworks a,b (or all)")
                .doesNotContain("\n");
        r = CliErrorsTest.run("compare", LENET, LENET, "--frameworks", "toy", "--specs", TOY);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(
                "hawkeye: compare with two models needs one --framework NAME, not --frameworks");
        r = CliErrorsTest.run("compare", LENET, "--frameworks", "toy,nosuch", "--specs", TOY);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("hawkeye: unknown framework 'nosuch'");
        assertThat(r.out()).isEmpty();
    }
}
