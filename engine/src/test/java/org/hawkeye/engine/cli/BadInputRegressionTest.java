package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.cli.CliErrorsTest.assertOneLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failures issue 16 lists, each once an internal error, a stack overflow, a hang or a wrong exit 0: now a
 * report (exit 0) or one line naming the node or file (exit 2). The models are in onnx/robustness/.
 */
class BadInputRegressionTest {
    @TempDir
    Path tmp;

    private static String model(String name) {
        return TestFiles.resource("onnx/robustness/" + name).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // once internal errors (exit 1)
        "convtranspose_scalar_w.onnx | node 'ConvTranspose_0' (ConvTranspose): the weight 'w' has shape scalar",
        "slice_short_axes.onnx | node 'Slice_0' (Slice): Slice's axes has 1 value(s)",
        "slice_short_steps.onnx | node 'Slice_0' (Slice): Slice's steps has 1 value(s)",
        "no_outputs.onnx | node 'Relu_1' (Relu): has 0 output(s)",
        "softmax_scalar.onnx | node 'Softmax_0' (Softmax): Softmax needs an input of rank 1 or more",
        "expand_2e64.onnx | node 'Expand_0' (Expand): a tensor of shape 4294967296x4294967296x1x1 has more than 2^53",
        "init_overflow.onnx | initializer 'w': a tensor of shape 1099511627776x1099511627776 has more than 2^53",
        "matmul_k_2e62.onnx | initializer 'w': a tensor of shape 4611686018427387904x1 has more than 2^53",
        "gathernd_bd.onnx | node 'GatherND_0' (GatherND): GatherND batch_dims 2147483648 must be at least 0",
        "opset_2e62.onnx | imports opset 4611686018427387904, newer than the newest hawkeye knows",
        // once blamed on the spec (ln of a non-positive number at a line of crypten's framework.yaml)
        "globalmaxpool_zero_h.onnx | node 'GlobalMaxPool_0' (GlobalMaxPool): GlobalMaxPool pools over an empty window",
        // once accepted although wrong (exit 0)
        "conv_kernel_mismatch.onnx | node 'Conv_0' (Conv): kernel_shape [5, 5] contradicts the weight 'w'",
        "conv_padz.onnx | node 'Conv_0' (Conv): unknown attribute 'padz'",
        "conv_strides_int.onnx | node 'Conv_0' (Conv): attribute 'strides' is a single int",
        "dup_init.onnx | initializer 'w' is given twice",
        "init_type_1234.onnx | initializer 'w' has data type 1234, which is not an ONNX element type",
        "neg_input_dim.onnx | value 'x' declares the dimension -5",
        "neg_input_dim2.onnx | value 'x' declares the dimension -3",
        "opset_99.onnx | node 'Relu_0' (Relu): the model imports opset 99, newer than the newest hawkeye knows",
        "string_input.onnx | node 'Relu_0' (Relu): input 'x' is string",
    })
    void aBadModelIsOneLineNamingIt(String file, String fragment) {
        assertOneLine(CliErrorsTest.run("profile", model(file), "-f", "crypten"), file, fragment);
    }

    /** Empty tensors are legal ONNX: an op with only empty outputs costs nothing (no rule divides by the axis). */
    @ParameterizedTest
    @CsvSource({"softmax_zero_axis.onnx", "globalmaxpool_zero_c.onnx"})
    void opsOnEmptyTensorsAreFree(String file) {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", model(file), "-f", "crypten");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(1 free)").contains("total online:  0 (0 bits), 0 rounds");
    }

    @Test
    void aNodeName40000ModulesDeepIsProfiledWithTheDeepLevelsInTheOpName() {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", model("deep_names.onnx"), "-f", "crypten", "--format",
                "json");
        assertThat(r.code()).as(r.err()).isZero();
        // 64 module levels below the model, then the op named by the rest of the path
        assertThat(r.out()).contains("\"name\" : \"m/m/m/");
    }

    @Test
    void namesWithTerminalEscapesAreEscapedInEveryFormat() {
        for (String format : new String[] {"text", "csv", "json", "html"}) {
            CliErrorsTest.Run r = CliErrorsTest.run("profile", model("escape_names.onnx"), "-f", "crypten",
                    "--format", format, "--depth", "5");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).as(format).doesNotContain("\u001b").doesNotContain("\u0007").contains("x1b[31mRED");
        }
    }

    @Test
    void devicesAndPipesAreRefusedAsModels() throws Exception {
        assertOneLine(CliErrorsTest.run("profile", "/dev/zero", "-f", "crypten"),
                "/dev/zero: not a regular file (a device, pipe or socket): a model must be a file");
        Path fifo = fifo("model.onnx");
        assertOneLine(CliErrorsTest.run("profile", fifo.toString(), "-f", "crypten"), "not a regular file");
    }

    @Test
    void aPipeIsRefusedAsOutput() throws Exception {
        Path fifo = fifo("out.txt");
        assertOneLine(CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "crypten", "-o",
                fifo.toString()), "--output: not a regular file");
        // a character device is a fine place to write to
        CliErrorsTest.Run r = CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "crypten", "-o",
                "/dev/null");
        assertThat(r.code()).as(r.err()).isZero();
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = tmp.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(fifo)).isTrue();
        return fifo;
    }

    /** Found by OnnxFuzzTest: a batch past 2^53 elements was an internal error. */
    @Test
    void aBatchPastTheElementLimitIsRefused() {
        assertOneLine(CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "crypten", "--batch",
                "9007199254740993"), "--batch 9007199254740993: input ", "more than 2^53 elements");
    }

    /** Found by CommandLineFuzzTest (seed -2503509265284643878): picocli's message named java.nio classes. */
    @Test
    void anOptionValueThatIsNoPathNamesNoJavaClass() {
        CliErrorsTest.Run r = CliErrorsTest.run("compare", TestFiles.lenet().toString(), "-f", "cheetah", "--specs",
                "\u0000", "--version");
        assertOneLine(r, "Invalid value for option '--specs' (DIR): '\\x00' is not a valid value",
                "(try 'hawkeye compare --help')");
    }

    @Test
    void aParameterOfABillionDigitsIsRefused() {
        assertOneLine(CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "crypten", "-P",
                "precision_bits=1e-999999999"), "-P precision_bits=1e-999999999: out of range");
    }

    @Test
    void benchRunsAreBounded() {
        assertOneLine(CliErrorsTest.run("bench", TestFiles.lenet().toString(), "-f", "crypten", "--runs",
                "2000000000"), "--runs");
        assertOneLine(CliErrorsTest.run("bench", "--synthetic", "2000000000", "-f", "crypten"), "--synthetic");
    }

    @Test
    void aRuleThatFailsNamesTheRuleItsFileAndTheNode() throws IOException {
        Path toy = tmp.resolve("toy");
        Files.createDirectories(toy.resolve("rules"));
        Files.copy(TestFiles.toySpecs().resolve("framework.yaml"), toy.resolve("framework.yaml"));
        Files.writeString(toy.resolve("rules/Broken.drl"), """
                package hawkeye.toy;
                import org.hawkeye.engine.lowering.*;
                global LoweringSink lower;
                rule "relu divides by an axis"
                    agenda-group "lower"
                when
                    $op : Op( type == "Relu", lowered == false, $y : outputTensor(0) )
                then
                    lower.call($op, "ltz", "n", $y.getNumel() / ($y.getNumel() - $y.getNumel()));
                end
                """);
        assertOneLine(CliErrorsTest.run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs",
                toy.toString()), "rule 'relu divides by an axis' in " + toy + "/rules/Broken.drl failed on node '",
                "(Relu) of ", ": division by zero");
    }
}
