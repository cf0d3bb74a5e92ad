package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.cli.CliErrorsTest.assertOneLine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate}, {@code sweep} and the shape options from the command line: every format, and every bad input of
 * issue 14 as one line with exit code 2.
 */
class GenerateCommandTest {
    @TempDir
    Path tmp;

    private static String model(String name) {
        return TestFiles.resource("models/generation/" + name + ".onnx").toString();
    }

    private static CliErrorsTest.Run run(String... args) {
        return CliErrorsTest.run(args);
    }

    @Test
    void generateGivesAStepPerTokenInEveryFormat() throws Exception {
        String gpt2 = model("gpt2_kv_ts");
        CliErrorsTest.Run text = run("generate", gpt2, "-f", "crypten", "--prompt", "7", "--new-tokens", "3");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("prompt 7 tokens, 3 new tokens").contains("prefill").contains("attention")
                .contains("one generated token, exactly, with cache = the tokens in the cache");
        assertThat(text.err()).isEmpty();

        CliErrorsTest.Run json = run("generate", gpt2, "-f", "crypten", "--prompt", "7", "--new-tokens", "3",
                "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("mode").asText()).isEqualTo("generation");
        assertThat(root.get("steps")).hasSize(4);
        JsonNode step3 = root.get("steps").get(3);
        assertThat(step3.get("tokens_in").asLong()).isEqualTo(1);
        assertThat(step3.get("cache").asLong()).isEqualTo(9);
        assertThat(step3.get("kind").asText()).isEqualTo("decode");
        assertThat(step3.get("online").get("bits").bigIntegerValue().signum()).isPositive();
        assertThat(step3.get("parts").get("attention").get("online").get("bits").bigIntegerValue().signum())
                .isPositive();
        long sum = 0;
        for (JsonNode s : root.get("steps")) {
            sum += s.get("online").get("bits").asLong();
        }
        assertThat(root.get("total").get("online").get("bits").asLong()).isEqualTo(sum);
        assertThat(root.get("per_token").get("variable").asText()).isEqualTo("cache");

        CliErrorsTest.Run csv = run("generate", gpt2, "-f", "crypten", "--prompt", "7", "--new-tokens", "3",
                "--format", "csv");
        String[] rows = csv.out().split("\r\n");
        assertThat(rows).hasSize(5);
        assertThat(rows[0]).startsWith("model,step,kind,tokens_in,cache,online_bits,online_rounds,offline_bits,"
                + "offline_rounds,attention_bits,attention_rounds,mlp_bits");
        // GenerationTest derives the step's body (19,460,096 bits, 351 rounds); the token embedding is CrypTen's
        // default one-hot product: a Beaver matmul of the shared [1 x 256] one-hot and the [256 x 64] table opens
        // both, 2 parties x 64 bits x (256 + 256 * 64) elements, in one round
        assertThat(rows[2]).startsWith("gpt2_kv_ts,1,decode,1,7," + (19_460_096L + 2L * 64 * (256 + 256 * 64))
                + "," + (351 + 1) + ",");
        assertThat(rows[3]).startsWith("gpt2_kv_ts,2,decode,1,8,");

        Path page = tmp.resolve("gen.html");
        CliErrorsTest.Run html = run("generate", gpt2, "-f", "crypten", "--prompt", "7", "--new-tokens", "3",
                "--format", "html", "--output", page.toString());
        assertThat(html.code()).as(html.err()).isZero();
        assertThat(Files.readString(page)).contains("Cost per generated token").doesNotContain("<script src");
    }

    @Test
    void sweepGivesATableAndThePolynomialsInEveryFormat() throws Exception {
        String bert = model("bert_ts");
        CliErrorsTest.Run text = run("sweep", bert, "-f", "semi2k", "--vary", "seq=8,16,32,64");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("seq (4) = 4 profiles").contains("in seq:")
                .containsPattern("online bits +=.*\\*seq\\^2 \\+ .*\\(exact: fitted on 3 points, confirmed on 1 more\\)")
                .containsPattern("online rounds += not a polynomial of degree 2 or less over these 4 points");
        JsonNode json = new ObjectMapper().readTree(run("sweep", bert, "-f", "semi2k", "--vary", "seq=8,16,32,64",
                "--format", "json").out());
        assertThat(json.get("points")).hasSize(4);
        assertThat(json.get("points").get(1).get("values").get("seq").asLong()).isEqualTo(16);
        assertThat(json.get("polynomials").get(0).get("online_bits").get("coefficients")).hasSize(3);
        assertThat(json.get("polynomials").get(0).get("online_rounds").isNull()).isTrue();
        String csv = run("sweep", bert, "-f", "semi2k", "--vary", "seq=8,16", "--vary", "batch=1,2", "--format",
                "csv").out();
        assertThat(csv.split("\r\n")).hasSize(5);
        assertThat(csv).startsWith("model,seq,batch,online_bits,online_rounds,offline_bits,offline_rounds,complete");
        Path page = tmp.resolve("sweep.html");
        assertThat(run("sweep", bert, "-f", "semi2k", "--vary", "seq=8,16,32", "--format", "html", "--output",
                page.toString()).code()).isZero();
        assertThat(Files.readString(page)).contains("Cost by seq");
    }

    @Test
    void profileTakesShapesByInputAndByAxisName() {
        CliErrorsTest.Run byInput = run("profile", model("bert_dynamo"), "-f", "crypten", "--input",
                "input_ids=2x16", "--input", "attention_mask=2x16", "--input", "token_type_ids=2x16");
        CliErrorsTest.Run byAxis = run("profile", model("bert_dynamo"), "-f", "crypten", "--dim", "sequence=16",
                "--batch", "2");
        assertThat(byInput.code()).as(byInput.err()).isZero();
        assertThat(byAxis.out()).isEqualTo(byInput.out());
    }

    @Test
    void everyBadInputOfTheIssueIsOneLine() {
        assertOneLine(run("generate", model("bert_ts"), "-f", "crypten", "--prompt", "8", "--new-tokens", "2"),
                "bert_ts.onnx: generate needs a decoder exported with its KV cache", "use_cache=True");
        assertOneLine(run("profile", model("bert_ts"), "-f", "crypten", "--input", "ids=1x8"),
                "--input ids: the model has no data input named 'ids'");
        assertOneLine(run("profile", model("bert_ts"), "-f", "crypten", "--input", "input_ids=8"),
                "--input input_ids=8: the input has rank 2 (batchxsequence), not 1");
        assertOneLine(run("profile", model("bert_ts"), "-f", "crypten", "--input", "input_ids=1xeight"),
                "--input input_ids=1xeight: 'eight' is not a size");
        assertOneLine(run("generate", model("gpt2_kv_ts"), "-f", "crypten", "--prompt", "8", "--new-tokens",
                "0"), "--new-tokens must be at least 1, not 0");
        assertOneLine(run("sweep", model("bert_ts"), "-f", "crypten", "--vary", "heads=1,2"),
                "--vary heads: not batch, seq, cache");
        assertOneLine(run("sweep", model("bert_ts"), "-f", "crypten", "--vary", "seq="),
                "--vary seq=: give the values");
        assertOneLine(run("profile", model("bert_ts"), "-f", "crypten", "--batch", "8"),
                "input 'input_ids' (batchxsequence) has dynamic axis sequence with no size");
        assertOneLine(run("profile", model("bert_static_ts"), "-f", "crypten", "--batch", "8"),
                "node '/model/encoder/layer.0/attention/self/Reshape_3' (Reshape) takes its size [1,7,-1] from "
                        + "literals the exporter baked in");
    }

    @Test
    void aProgressBarRunsOnATerminalOnly() {
        StringWriter terminal = new StringWriter();
        Progress bar = new Progress(new PrintWriter(terminal), 4, true, false);
        bar.starting(1, "steps");
        bar.finished();
        assertThat(terminal.toString()).contains("[######------------------] 2/4 steps").endsWith("\r");
        StringWriter pipe = new StringWriter();
        Progress quiet = new Progress(new PrintWriter(pipe), 4, false, false);
        quiet.starting(1, "steps");
        quiet.finished();
        assertThat(pipe.toString()).isEmpty();
    }
}
