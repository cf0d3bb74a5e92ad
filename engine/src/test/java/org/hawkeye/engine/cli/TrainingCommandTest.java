package org.hawkeye.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hawkeye.engine.cli.CliErrorsTest.assertOneLine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.Test;

/** profile --mode training: the JSON and text reports of a training step, and the errors a user can cause. */
class TrainingCommandTest {
    private static final String LENET = TestFiles.lenet().toString();

    private static JsonNode json(CliErrorsTest.Run r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).readTree(r.out());
    }

    @Test
    void theJsonOfATrainingStepHasItsPhasesAndTheyAddUpToTheTotal() throws IOException {
        JsonNode j = json(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "training", "--optimizer",
                "adam", "--format", "json"));
        assertThat(j.fieldNames()).toIterable().containsExactly("model", "framework", "mode", "weights", "params",
                "params_from", "traffic", "public_inputs", "embedding", "total", "loss", "optimizer", "phases", "tree", "unsupported", "complete");
        assertThat(j.get("mode").asText()).isEqualTo("training");
        assertThat(j.get("loss").asText()).isEqualTo("cross_entropy");
        assertThat(j.get("optimizer").asText()).isEqualTo("adam");
        assertThat(j.get("phases").fieldNames()).toIterable().containsExactly("forward", "backward", "update");
        for (String metric : new String[] {"/online/bits", "/online/rounds", "/offline/bits", "/offline/rounds"}) {
            BigInteger sum = BigInteger.ZERO;
            for (String phase : new String[] {"forward", "backward", "update"}) {
                sum = sum.add(j.at("/phases/" + phase + metric).bigIntegerValue());
            }
            assertThat(sum).as(metric).isEqualTo(j.at("/total" + metric).bigIntegerValue());
        }
        // Adam's update is not free (a square root and a division per weight)
        assertThat(j.at("/phases/update/online/bits").bigIntegerValue()).isPositive();
        assertThat(j.get("complete").asBoolean()).isTrue();
    }

    @Test
    void theTextReportShowsThePhasesUnderTheTotals() {
        CliErrorsTest.Run r = CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "training", "--depth", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lenet under crypten (training, weights secret)")
                .contains("training step (loss cross_entropy, optimizer sgd):");
        assertThat(r.out().lines().filter(l -> l.matches("(forward|backward|update) .*"))).hasSize(3);
        // the tree separates the loss from the model's modules
        assertThat(r.out().lines().filter(l -> l.startsWith("  loss "))).hasSize(1);
    }

    @Test
    void batchSetsTheDataInputsAndTheTargetsLeadingDimension() throws IOException {
        JsonNode one = json(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "training",
                "--format", "json"));
        JsonNode many = json(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "training",
                "--batch", "4", "--format", "json"));
        // the loss's product with the one-hot target: 10 classes per sample, 2 x 64 bits per opened element
        assertThat(lossOp(one, "target_mul").at("/online/bits").asLong()).isEqualTo(2 * 64 * (10 + 10));
        assertThat(lossOp(many, "target_mul").at("/online/bits").asLong()).isEqualTo(2 * 64 * (40 + 40));
    }

    private static JsonNode lossOp(JsonNode json, String name) {
        for (JsonNode module : json.at("/tree/children")) {
            if (module.get("name").asText().equals("loss")) {
                for (JsonNode op : module.at("/children/0/children")) {
                    if (op.get("name").asText().equals(name)) {
                        return op;
                    }
                }
            }
        }
        throw new AssertionError("no loss op " + name);
    }

    @Test
    void aModelWithNothingToTrainIsAOneLineError() {
        assertOneLine(CliErrorsTest.run("profile", TestFiles.resource("onnx/op_relu_n10.onnx").toString(), "-f",
                "crypten", "--mode", "training"), "op_relu_n10.onnx", "no trainable weight");
    }

    @Test
    void crossEntropyOnAnOutputWithoutClassesIsAOneLineError() {
        // x [10] * w [10]: a rank-1 output
        assertOneLine(CliErrorsTest.run("profile", TestFiles.resource("onnx/small/mul_weight.onnx").toString(),
                "-f", "crypten", "--mode", "training"), "mul_weight.onnx",
                "--loss cross_entropy needs an output with a class axis");
    }

    @Test
    void batchZeroIsAOneLineError() {
        assertOneLine(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "training", "--batch", "0"),
                "--batch must be at least 1, not 0");
    }

    @Test
    void trainingOptionsNeedTrainingModeAndKnownNames() {
        assertOneLine(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--loss", "mse"),
                "--loss needs --mode training");
        assertOneLine(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "train"),
                "--mode must be inference or training, not 'train'");
        assertOneLine(CliErrorsTest.run("profile", LENET, "-f", "crypten", "--mode", "training", "--optimizer",
                "rmsprop"), "--optimizer must be sgd, momentum or adam, not 'rmsprop'");
    }
}
