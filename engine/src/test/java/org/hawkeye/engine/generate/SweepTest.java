package org.hawkeye.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.shapes.InputShapes;
import org.hawkeye.grammar.Rational;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sweeps over sizes and parameters, and the exact polynomials they find, checked against profiles elsewhere. */
class SweepTest {
    private static Profiler profiler;
    private static SpecLibrary specs;

    @BeforeAll
    static void setUp() {
        specs = SpecLibrary.load(List.of());
        profiler = new Profiler(specs);
    }

    static Path model(String name) {
        return TestFiles.resource("models/generation/" + name + ".onnx");
    }

    static Sweep.Result sweep(String name, String framework, String... vary) {
        Graph g = OnnxImporter.read(model(name));
        List<Sweep.Variable> vars = Sweep.parse(List.of(vary), g, specs.framework(framework));
        return Sweep.run(profiler, model(name), ProfileOptions.of(framework), vars, done -> { });
    }

    static Sweep.Fits fitIn(Sweep.Result r, String variable, Map<String, String> at) {
        return r.fits().stream().filter(f -> f.variable().equals(variable) && f.at().equals(at)).findFirst()
                .orElseThrow();
    }

    @Test
    void anEncodersBitsAreAnExactQuadraticInItsSequenceThatHoldsOutsideTheFittedPoints() {
        Sweep.Result r = sweep("bert_ts", "semi2k", "seq=16,32,64,128");
        Polynomial.Fit bits = fitIn(r, "seq", Map.of()).fits().get(Metric.ONLINE_BITS).orElseThrow();
        // attention scores grow with seq^2, everything else with seq: degree 2, fitted on 3 points, confirmed on 1
        assertThat(bits.polynomial().degree()).isEqualTo(2);
        assertThat(bits.fittedOn()).isEqualTo(3);
        assertThat(bits.confirmedOn()).isEqualTo(1);
        for (long seq : new long[] {7, 200, 384}) {
            ProfileResult direct = profiler.profile(OnnxImporter.read(model("bert_ts")), "bert_ts",
                    ProfileOptions.of("semi2k").withShapes(InputShapes.Request.NONE.withSequence(seq)));
            assertThat(bits.polynomial().at(seq)).as("seq %d", seq)
                    .isEqualTo(Rational.of(direct.total().onlineBits()));
        }
        // the rounds of the softmax's max grow with log2(seq): no polynomial, and the sweep says so
        assertThat(fitIn(r, "seq", Map.of()).fits().get(Metric.ONLINE_ROUNDS)).isEmpty();
    }

    @Test
    void aGridFitsEachVariableAtEveryValueOfTheOthers() {
        Sweep.Result r = sweep("bert_ts", "crypten", "batch=1,2,3", "seq=8,16");
        assertThat(r.points()).hasSize(6);
        assertThat(r.points().get(0).values()).containsExactly(Map.entry("batch", "1"), Map.entry("seq", "8"));
        assertThat(r.points().get(1).values()).containsExactly(Map.entry("batch", "1"), Map.entry("seq", "16"));
        // a batch is that many independent rows: bits and rounds of each seq are exact lines in the batch, whose
        // value at batch 5 is the profile at batch 5
        Polynomial.Fit inBatch = fitIn(r, "batch", Map.of("seq", "16")).fits().get(Metric.ONLINE_BITS).orElseThrow();
        assertThat(inBatch.polynomial().degree()).isLessThanOrEqualTo(1);
        ProfileResult five = profiler.profile(OnnxImporter.read(model("bert_ts")), "bert_ts",
                ProfileOptions.of("crypten").withBatch(5L).withShapes(InputShapes.Request.NONE.withSequence(16L)));
        assertThat(inBatch.polynomial().at(5)).isEqualTo(Rational.of(five.total().onlineBits()));
        assertThat(fitIn(r, "batch", Map.of("seq", "8")).fits().get(Metric.ONLINE_ROUNDS).orElseThrow()
                .polynomial().degree()).isZero();
    }

    @Test
    void aFrameworkParameterVariesLikeASize() {
        // CrypTen's exp squares exp_iterations times: each iteration adds the same opening to every softmax, so the
        // bits are a line in exp_iterations, and the line holds at 20 iterations too
        Sweep.Result r = sweep("vit_ts", "crypten", "exp_iterations=4,8,12");
        Polynomial bits = fitIn(r, "exp_iterations", Map.of()).fits().get(Metric.ONLINE_BITS).orElseThrow()
                .polynomial();
        assertThat(bits.degree()).isEqualTo(1);
        assertThat(bits.coefficient(1).signum()).isPositive();
        ProfileResult at20 = profiler.profile(OnnxImporter.read(model("vit_ts")), "vit_ts",
                ProfileOptions.of("crypten").withParam("exp_iterations", "20"));
        assertThat(bits.at(20)).isEqualTo(Rational.of(at20.total().onlineBits()));
        assertThat(r.params()).doesNotContainKey("exp_iterations").containsKey("ring_bits");
    }

    @Test
    void aDecodersCacheAndANamedAxisCanVary() {
        Sweep.Result r = sweep("gpt2_kv_dynamo", "crypten", "cache=0,7,12");
        ProfileResult step = profiler.profile(OnnxImporter.read(model("gpt2_kv_dynamo")), "gpt2_kv_dynamo",
                ProfileOptions.of("crypten").withShapes(InputShapes.Request.NONE.withCache(12L)
                        .withDim("sequence", 1)));
        assertThat(r.points().get(2).cost()).isEqualTo(step.total());
        Sweep.Result byAxis = sweep("resnet_dynamo", "crypten", "height=32,64", "width=32");
        assertThat(byAxis.points()).hasSize(2);
        assertThat(byAxis.points().get(1).cost().onlineBits()).isGreaterThan(byAxis.points().get(0).cost()
                .onlineBits());
    }

    @Test
    void badVariesAreOneLineEach() {
        Graph bert = OnnxImporter.read(model("bert_ts"));
        var crypten = specs.framework("crypten");
        assertThatThrownBy(() -> Sweep.parse(List.of("seqlen=1,2"), bert, crypten))
                .hasMessageStartingWith("--vary seqlen: not batch, seq, cache, a dynamic axis of the model (batch, "
                        + "sequence), or a parameter of crypten (parties, ring_bits");
        assertThatThrownBy(() -> Sweep.parse(List.of("seq="), bert, crypten))
                .hasMessage("--vary seq=: give the values, e.g. --vary seq=1,8,32");
        assertThatThrownBy(() -> Sweep.parse(List.of("seq=1,,2"), bert, crypten))
                .hasMessage("--vary seq=1,,2: an empty value in the list");
        assertThatThrownBy(() -> Sweep.parse(List.of("batch=0,1"), bert, crypten))
                .hasMessage("--vary batch=0: must be at least 1");
        assertThatThrownBy(() -> Sweep.parse(List.of("seq=8,8"), bert, crypten))
                .hasMessage("--vary seq=8,8: a value repeats");
        assertThatThrownBy(() -> Sweep.parse(List.of("seq=8", "seq=16"), bert, crypten))
                .hasMessage("--vary seq is given twice");
        assertThatThrownBy(() -> Sweep.parse(List.of(), bert, crypten))
                .hasMessage("sweep needs at least one --vary NAME=V1,V2,...");
        assertThatThrownBy(() -> sweep("vit_ts", "crypten", "seq=8,16"))
                .hasMessageContaining("needs token inputs");
    }
}
