package org.hawkeye.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hawkeye.engine.TestFiles;
import org.hawkeye.engine.onnx.proto.OnnxProto.ModelProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the ONNX loader through the command line: byte-level mutations of real models (the protobuf reader),
 * then structural ones (the checker, shape inference, the rules and the costs behind it), each profiled under a
 * framework drawn from the seed with options drawn too. The oracle is {@link FuzzOracle}'s. The CI run is short;
 * {@code -Dhawkeye.fuzz.inputs=10000} makes the long one (docs/robustness.md).
 */
class OnnxFuzzTest {
    static final String[] FRAMEWORKS = {"crypten", "cheetah", "cryptflow2", "delphi", "semi2k", "aby3"};

    @TempDir
    Path tmp;

    /** The seed corpus: every model of the engine's tests, and the shared zoo when it is there. */
    static List<Path> seeds(boolean withZoo) {
        List<Path> out = new ArrayList<>();
        for (String dir : new String[] {"onnx", "onnx/small", "onnx/robustness", "models"}) {
            try (Stream<Path> files = Files.list(TestFiles.resource(dir))) {
                files.filter(f -> f.toString().endsWith(".onnx")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path zoo = Path.of(System.getProperty("hawkeye.shared.dir", "../../shared"), "models");
        if (withZoo && Files.isDirectory(zoo)) {
            try (Stream<Path> files = Files.list(zoo)) {
                files.filter(f -> f.toString().endsWith(".onnx")).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A profile of {@code model} with a framework and options drawn from {@code r}. */
    static String[] profileArgs(Path model, Random r) {
        List<String> args = new ArrayList<>(List.of("profile", model.toString(), "-f",
                FRAMEWORKS[r.nextInt(FRAMEWORKS.length)]));
        if (r.nextInt(6) == 0) {
            args.addAll(List.of("--mode", "training"));
        }
        if (r.nextInt(6) == 0) {
            args.addAll(List.of("--batch", Long.toString(r.nextBoolean() ? 1 + r.nextInt(8) : Mutations.edgeLong(r))));
        }
        if (r.nextInt(4) == 0) {
            args.addAll(List.of("--format", new String[] {"json", "csv", "html"}[r.nextInt(3)]));
        }
        if (r.nextInt(8) == 0) {
            args.addAll(List.of("--weights", "public"));
        }
        return args.toArray(String[]::new);
    }

    @Test
    void bytes() {
        List<Path> seeds = seeds(false);
        FuzzOracle oracle = new FuzzOracle("onnx-bytes");
        qt().withExamples(FuzzOracle.inputs("onnx-bytes", 300)).withFixedSeed(FuzzOracle.FIRST_SEED).withShrinkCycles(0)
                .withUnlimitedTestingTime().forAll(longs().all()).checkAssert(seed -> {
                    Random r = new Random(seed);
                    byte[] input = Mutations.bytes(read(seeds.get(r.nextInt(seeds.size()))),
                            read(seeds.get(r.nextInt(seeds.size()))), r);
                    Path file = write(input, "m.onnx");
                    FuzzOracle.Outcome o = oracle.run(profileArgs(file, r), input, "bytes-" + seed + ".onnx");
                    assertThat(o.failed()).as("seed %d: %s %s", seed, o.kind(), o.err()).isFalse();
                });
    }

    @Test
    void structure() {
        List<Path> seeds = seeds(FuzzOracle.inputs("onnx-structure", 0) > 1000);
        FuzzOracle oracle = new FuzzOracle("onnx-structure");
        qt().withExamples(FuzzOracle.inputs("onnx-structure", 300)).withFixedSeed(FuzzOracle.FIRST_SEED).withShrinkCycles(0)
                .withUnlimitedTestingTime().forAll(longs().all()).checkAssert(seed -> {
                    Random r = new Random(seed);
                    ModelProto model;
                    try {
                        model = ModelProto.parseFrom(read(seeds.get(r.nextInt(seeds.size()))));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    byte[] input = new OnnxMutator(r).mutate(model).toByteArray();
                    Path file = write(input, "m.onnx");
                    FuzzOracle.Outcome o = oracle.run(profileArgs(file, r), input, "structure-" + seed + ".onnx");
                    assertThat(o.failed()).as("seed %d: %s %s", seed, o.kind(), o.err()).isFalse();
                });
    }

    private Path write(byte[] input, String name) {
        try {
            return Files.write(tmp.resolve(name), input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void counts() {
        System.out.print(FuzzOracle.report());
    }
}
