package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input a user can give ends with exit code 2 and exactly one line on stderr that names the file and
 * position or the node, and no stack trace.
 */
class CliErrorsTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HawkeyeCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static String model(String name) {
        return TestFiles.resource("onnx/" + name).toString();
    }

    /** Exit 2, exactly one line, naming what is given, and no Java in it. */
    static void assertOneLine(Run r, String... fragments) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("hawkeye: ").doesNotContain("Exception").doesNotContain("java.")
                .doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void aFileThatIsNotOnnx() {
        assertOneLine(run("profile", model("bad/not_onnx.onnx"), "-f", "crypten"),
                "not_onnx.onnx", "not an ONNX model");
    }

    @Test
    void aTruncatedFile() {
        assertOneLine(run("profile", model("bad/truncated.onnx"), "-f", "crypten"),
                "truncated.onnx", "not an ONNX model");
    }

    @Test
    void aNodeReadingATensorNobodyProduces() {
        assertOneLine(run("profile", model("bad/dangling_input.onnx"), "-f", "crypten"),
                "dangling_input.onnx: node '/block/Add'", "'ghost'");
    }

    @Test
    void aCyclicGraph() {
        assertOneLine(run("profile", model("bad/cycle.onnx"), "-f", "crypten"), "cycle.onnx: node '/loop/", "cycle");
    }

    @Test
    void aShapeMismatchNamesTheNode() {
        assertOneLine(run("profile", model("bad/matmul_mismatch.onnx"), "-f", "crypten"),
                "matmul_mismatch.onnx: node '/fc/MatMul' (MatMul)", "3x4", "5x6");
    }

    @Test
    void anUnknownFramework() {
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "nosuch"),
                "unknown framework 'nosuch' (known: ", "crypten");
    }

    @Test
    void aParameterThatDoesNotExist() {
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "crypten", "-P", "nbits=3"),
                "-P nbits=3: crypten has no parameter 'nbits' (known: ");
    }

    @Test
    void aBadOption() {
        Run r = run("profile", TestFiles.lenet().toString(), "-f", "crypten", "--format", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("hawkeye: ").contains("--format");
    }

    @Test
    void aMissingModelFile() {
        assertOneLine(run("profile", tmp.resolve("none.onnx").toString(), "-f", "crypten"), "none.onnx");
    }

    @Test
    void anOutputFolderThatDoesNotExist() {
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "crypten", "-o",
                tmp.resolve("no/such/dir/out.json").toString()), "does not exist");
    }

    /** Copies the toy framework to a temporary folder, with one file changed. */
    private Path toyWith(String file, String from, String to) throws IOException {
        Path copy = tmp.resolve("toy");
        try (Stream<Path> files = Files.walk(TestFiles.toySpecs())) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(TestFiles.toySpecs().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path changed = copy.resolve(file);
        String text = Files.readString(changed);
        assertThat(text).contains(from);
        Files.writeString(changed, text.replace(from, to));
        return copy;
    }

    @Test
    void aYamlTypoInAKey() throws IOException {
        Path toy = toyWith("framework.yaml", "    source: \"toy: 2 parties", "    sourse: \"toy: 2 parties");
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", toy.toString()),
                toy + "/framework.yaml:", "unknown key 'sourse' in protocols.mul");
    }

    @Test
    void aFormulaSyntaxError() throws IOException {
        Path toy = toyWith("framework.yaml", "bits: \"2 * l * n * 3\"", "bits: \"2 * l * n * \"");
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", toy.toString()),
                toy + "/framework.yaml:", "cost formula '2 * l * n * ': unexpected end of formula");
    }

    @Test
    void anUnknownSymbolInAFormula() throws IOException {
        Path toy = toyWith("framework.yaml", "bits: \"2 * l * n * 3\"", "bits: \"2 * lbits * n * 3\"");
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", toy.toString()),
                toy + "/framework.yaml:", "unknown variable 'lbits'");
    }

    @Test
    void aDivisionByZeroInAFormula() {
        assertOneLine(run("profile", model("small/sigmoid.onnx"), "-f", "toy", "--specs",
                TestFiles.toySpecs().toString()), "framework.yaml:", "cost formula 'n / (n - n)': division by zero");
    }

    @Test
    void aDrlFileThatDoesNotCompile() throws IOException {
        Path toy = toyWith("rules/Toy.drl", "Secret( tensor == $x )", "Secret( tensr == $x )");
        assertOneLine(run("profile", TestFiles.lenet().toString(), "-f", "toy", "--specs", toy.toString()),
                toy + "/rules/Toy.drl:", "rule does not compile");
    }

    @Test
    void aPublicOrSecretInputTheModelDoesNotHave() {
        String llama = TestFiles.resource("transformers/llama_tiny_dynamo.onnx").toString();
        assertOneLine(run("profile", llama, "-f", "crypten", "--public", "mask"),
                "llama_tiny_dynamo.onnx", "--public mask: the model has no data input named 'mask'");
        assertOneLine(run("profile", llama, "-f", "crypten", "--secret", "positions"),
                "--secret positions: the model has no data input named 'positions'");
    }

    @Test
    void anEmbeddingPolicyTheFrameworkDoesNotKnow() {
        String llama = TestFiles.resource("transformers/llama_tiny_dynamo.onnx").toString();
        assertOneLine(run("profile", llama, "-f", "crypten", "--embedding", "oblivious"),
                "--embedding oblivious: crypten has no such embedding policy (known: onehot, clear)");
    }
}
