package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * hawkeye's Delphi spec against the per-layer offline logs of real Delphi runs (measurements/delphi/offline.json,
 * from the Delphi side of the HawkEye artifact): per Conv/FC layer the ciphertext counts must be exact and the
 * bytes each way within the tolerance; the garbled-circuit phase within the tolerance in total and per ReLU; the
 * key exchange and the whole offline phase too. The networks are Delphi's own (models/delphi/SOURCE.md).
 */
class DelphiOfflineTest {
    static final String ROOT = "/measurements/delphi/";
    private static Profiler profiler;
    private static JsonNode measured;

    @BeforeAll
    static void load() {
        profiler = new Profiler(SpecLibrary.load(List.of()));
        measured = json(ROOT + "offline.json");
    }

    static Stream<String> models() {
        List<String> ids = new ArrayList<>();
        json(ROOT + "offline.json").get("models").forEach(m -> ids.add(m.get("id").asText()));
        return ids.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void linearLayersMatchTheLogLayerByLayer(String id) {
        JsonNode m = model(id);
        TreeNode tree = profile(profiler, m).tree();
        List<TreeNode> he = find(tree, "he_linear");
        List<JsonNode> layers = new ArrayList<>();
        m.get("layers").forEach(l -> {
            if (!"avgpool".equals(l.get("kind").asText())) {
                layers.add(l);
            }
        });
        double tol = measured.get("tolerance").asDouble();
        System.out.printf("%s: Conv/FC layer | measured cts in/out, bytes in/out | hawkeye cts in/out, bytes in/out "
                + "(deviation)%n", id);
        assertThat(he).as("HE linear layers of %s", id).hasSize(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            TreeNode h = he.get(i);
            long inCts = arg(h, "in_cts");
            long outCts = arg(h, "out_cts");
            long inBytes = offlineBytes(child(h, "client_enc_r"));
            long outBytes = offlineBytes(child(h, "server_enc_result"));
            long mIn = l.get("reader_bytes").asLong();
            long mOut = l.get("writer_bytes").asLong();
            System.out.printf("  %2d %-4s %-16s | %3d/%d %,11d/%,10d | %3d/%d %,11d/%,10d (%+.3f%% / %+.3f%%)%n",
                    l.get("index").asInt(), l.get("kind").asText(), l.get("input_dims").toString(),
                    l.get("client_ciphertexts").asLong(), l.get("server_ciphertexts").asLong(), mIn, mOut,
                    inCts, outCts, inBytes, outBytes, dev(inBytes, mIn), dev(outBytes, mOut));
            assertThat(inCts).as("%s layer %d client ciphertexts", id, l.get("index").asInt())
                    .isEqualTo(l.get("client_ciphertexts").asLong());
            assertThat(outCts).as("%s layer %d server ciphertexts", id, l.get("index").asInt())
                    .isEqualTo(l.get("server_ciphertexts").asLong());
            assertThat((double) inBytes).as("%s layer %d bytes client to server", id, l.get("index").asInt())
                    .isCloseTo(mIn, within(tol * mIn));
            assertThat((double) outBytes).as("%s layer %d bytes server to client", id, l.get("index").asInt())
                    .isCloseTo(mOut, within(tol * mOut));
        }
        long pools = m.get("layers").findValuesAsText("kind").stream().filter("avgpool"::equals).count();
        List<TreeNode> avgPools = ops(tree, "AveragePool");
        assertThat(avgPools).as("AvgPool layers of %s", id).hasSize((int) pools)
                .allSatisfy(p -> assertThat(p.total().totalBits()).isZero());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void garbledReluPhaseMatchesTheLog(String id) {
        JsonNode relu = model(id).get("relu");
        TreeNode tree = profile(profiler, model(id)).tree();
        long activations = relu.get("activations").asLong();
        long measuredBytes = relu.get("reader_bytes").asLong() + relu.get("writer_bytes").asLong();
        long perRelu = find(tree, "relu_garbled").stream().mapToLong(DelphiOfflineTest::offlineBytes).sum();
        long garbled = find(tree, "relu_garbled").stream().mapToLong(n -> arg(n, "n")).sum();
        long batch = find(tree, "gc_batch").stream().mapToLong(DelphiOfflineTest::offlineBytes).sum();
        double tol = measured.get("tolerance").asDouble();
        System.out.printf("%s: ReLU phase, %d activations | measured %,d B (%.2f B per ReLU) | hawkeye %,d B "
                        + "(%.2f B per ReLU + %,d B fixed) (%+.4f%%)%n", id, activations, measuredBytes,
                (double) measuredBytes / activations, perRelu + batch, (double) perRelu / garbled, batch,
                dev(perRelu + batch, measuredBytes));
        assertThat(garbled).as("garbled ReLUs of %s", id).isEqualTo(activations);
        assertThat((double) (perRelu + batch)).as("ReLU phase bytes of %s", id)
                .isCloseTo(measuredBytes, within(tol * measuredBytes));
        double measuredPerRelu = (double) measuredBytes / activations;
        assertThat((double) perRelu / garbled).as("garbled-circuit bytes per ReLU of %s", id)
                .isCloseTo(measuredPerRelu, within(tol * measuredPerRelu));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void keysAndWholeOfflinePhaseMatchTheLog(String id) {
        JsonNode m = model(id);
        ProfileResult r = profile(profiler, m);
        long keys = find(r.tree(), "he_keys").stream().mapToLong(DelphiOfflineTest::offlineBytes).sum();
        long measuredKeys = m.get("keys_bytes").asLong();
        long total = r.total().offlineBits().divide(BigInteger.valueOf(8)).longValueExact();
        long measuredTotal = m.get("offline_total").get("read_bytes").asLong()
                + m.get("offline_total").get("wrote_bytes").asLong();
        double tol = measured.get("tolerance").asDouble();
        System.out.printf("%s: keys measured %,d B hawkeye %,d B (%+.4f%%) | offline measured %,d B hawkeye %,d B "
                + "(%+.4f%%), %s offline rounds%n", id, measuredKeys, keys, dev(keys, measuredKeys), measuredTotal,
                total, dev(total, measuredTotal), r.total().offlineRounds());
        assertThat((double) keys).as("key exchange of %s", id).isCloseTo(measuredKeys, within(tol * measuredKeys));
        assertThat((double) total).as("offline bytes of %s", id).isCloseTo(measuredTotal, within(tol * measuredTotal));
        // the server's log splits them: what it read is what the client sent, what it wrote what it sent itself
        long clientSent = r.total().offlineSent().byParty().get(1).divide(BigInteger.valueOf(8)).longValueExact();
        long serverSent = r.total().offlineSent().byParty().get(0).divide(BigInteger.valueOf(8)).longValueExact();
        long read = m.get("offline_total").get("read_bytes").asLong();
        long wrote = m.get("offline_total").get("wrote_bytes").asLong();
        System.out.printf("%s: offline sent by the client %,d B (read %,d, %+.4f%%), by the server %,d B (wrote %,d, "
                + "%+.4f%%)%n", id, clientSent, read, dev(clientSent, read), serverSent, wrote, dev(serverSent, wrote));
        assertThat(r.traffic().parties()).containsExactly("server", "client");
        assertThat((double) clientSent).as("offline bytes the client sent, %s", id).isCloseTo(read, within(tol * read));
        assertThat((double) serverSent).as("offline bytes the server sent, %s", id).isCloseTo(wrote, within(tol * wrote));
        assertThat(r.complete()).as("every op of %s costed", id).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    static JsonNode model(String id) {
        for (JsonNode m : json(ROOT + "offline.json").get("models")) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no measured model " + id);
    }

    static ProfileResult profile(Profiler profiler, JsonNode m) {
        String file = m.get("model_file").asText();
        byte[] bytes = resource("/" + file);
        return profiler.profile(OnnxImporter.read(file, bytes), m.get("id").asText(),
                ProfileOptions.of("delphi").withStrict(true));
    }

    /** Protocol nodes of {@code protocol}, depth first in graph (= execution) order. */
    static List<TreeNode> find(TreeNode node, String protocol) {
        List<TreeNode> out = new ArrayList<>();
        collect(node, TreeNode.Kind.PROTOCOL, protocol, out);
        return out;
    }

    /** Op nodes of ONNX type {@code type}. */
    static List<TreeNode> ops(TreeNode node, String type) {
        List<TreeNode> out = new ArrayList<>();
        collect(node, TreeNode.Kind.OP, type, out);
        return out;
    }

    private static void collect(TreeNode node, TreeNode.Kind kind, String detail, List<TreeNode> out) {
        if (node.kind() == kind && node.detail().equals(detail)) {
            out.add(node);
            return;
        }
        for (TreeNode c : node.children()) {
            collect(c, kind, detail, out);
        }
    }

    static TreeNode child(TreeNode node, String name) {
        return node.children().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(node.name() + " has no child " + name));
    }

    static long arg(TreeNode node, String name) {
        return node.args().get(name).toBigIntegerExact().longValueExact();
    }

    static long offlineBytes(TreeNode node) {
        return node.total().offlineBits().divide(BigInteger.valueOf(8)).longValueExact();
    }

    static double dev(long model, long measuredValue) {
        return measuredValue == 0 ? 0 : 100.0 * (model - measuredValue) / measuredValue;
    }

    static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = DelphiOfflineTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
