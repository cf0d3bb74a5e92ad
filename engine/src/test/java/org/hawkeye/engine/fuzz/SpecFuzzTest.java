package org.hawkeye.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hawkeye.engine.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the spec loaders through the command line: mutated framework.yaml files (the strict YAML reader, the
 * checker, formulas, explain and a profile) and mutated rule folders (DRL text, and folders holding what a rules
 * folder should not: empty, binary or non-UTF-8 files, folders named .drl). The framework folder keeps one path,
 * so an unchanged rule folder's compiled rule base is reused.
 */
class SpecFuzzTest {
    private static final String LENET = TestFiles.lenet().toString();
    /** The toy framework and built-in ones, so that both a small spec and real ones are mutated. */
    private static final String[] YAML_SEEDS = {"toy", "toy", "crypten", "cheetah"};

    @TempDir
    static Path tmp;

    private static String text(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh copy of a framework folder at the same path every time (so that its unchanged rules compile once):
     * the toy framework, or a built-in one with every key the real specs use; returns the folder.
     */
    private static Path frameworkFolder(String name) {
        Path to = tmp.resolve(name);
        Path from = name.equals("toy") ? TestFiles.toySpecs() : TestFiles.resource("hawkeye-specs/" + name);
        try {
            if (Files.exists(to)) {
                try (Stream<Path> all = Files.walk(to)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> all = Files.walk(from)) {
                for (Path p : all.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private static String[] commandOn(Path folder, Random r) {
        String name = folder.getFileName().toString();
        return switch (r.nextInt(4)) {
            case 0 -> new String[] {"explain", "-f", name, "--specs", folder.toString()};
            case 1 -> new String[] {"explain", "-f", name, "--specs", folder.toString(), "Relu"};
            case 2 -> new String[] {"frameworks", "--specs", folder.toString()};
            default -> new String[] {"profile", LENET, "-f", name, "--specs", folder.toString()};
        };
    }

    @Test
    void frameworkYaml() {
        FuzzOracle oracle = new FuzzOracle("framework-yaml");
        qt().withExamples(FuzzOracle.inputs("framework-yaml", 300)).withFixedSeed(FuzzOracle.FIRST_SEED).withShrinkCycles(0)
                .withUnlimitedTestingTime().forAll(longs().all()).checkAssert(seed -> {
                    Random r = new Random(seed);
                    Path folder = frameworkFolder(YAML_SEEDS[r.nextInt(YAML_SEEDS.length)]);
                    String yaml = Mutations.lines(text(folder.resolve("framework.yaml")), r);
                    write(folder.resolve("framework.yaml"), yaml);
                    FuzzOracle.Outcome o = oracle.run(commandOn(folder, r), Mutations.utf8(yaml),
                            "yaml-" + seed + ".yaml");
                    assertThat(o.failed()).as("seed %d: %s %s", seed, o.kind(), o.err()).isFalse();
                });
    }

    @Test
    void ruleFolders() {
        FuzzOracle oracle = new FuzzOracle("drl-folder");
        String seedText = text(TestFiles.toySpecs().resolve("rules/Toy.drl"));
        qt().withExamples(FuzzOracle.inputs("drl-folder", 20)).withFixedSeed(FuzzOracle.FIRST_SEED).withShrinkCycles(0)
                .withUnlimitedTestingTime().forAll(longs().all()).checkAssert(seed -> {
                    Random r = new Random(seed);
                    Path toy = frameworkFolder("toy");
                    String drl = r.nextInt(4) == 0 ? seedText : Mutations.lines(seedText, r);
                    write(toy.resolve("rules/Toy.drl"), drl);
                    folderMutation(toy.resolve("rules"), r);
                    String[] args = {"profile", LENET, "-f", "toy", "--specs", toy.toString()};
                    FuzzOracle.Outcome o = oracle.run(args, Mutations.utf8(drl), "drl-" + seed + ".drl");
                    assertThat(o.failed()).as("seed %d: %s %s", seed, o.kind(), o.err()).isFalse();
                });
    }

    /** Something a rules folder should not hold, now and then. */
    private static void folderMutation(Path rules, Random r) {
        try {
            switch (r.nextInt(8)) {
                case 0 -> Files.write(rules.resolve("Empty.drl"), new byte[0]);
                case 1 -> Files.write(rules.resolve("Binary.drl"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
                case 2 -> Files.createDirectories(rules.resolve("Folder.drl"));
                case 3 -> {
                    Files.createDirectories(rules.resolve("nested/deeper"));
                    Files.writeString(rules.resolve("nested/deeper/Copy.drl"), text(rules.resolve("Toy.drl")));
                }
                case 4 -> Files.writeString(rules.resolve("notes.txt"), "not a rule");
                default -> { }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void counts() {
        System.out.print(FuzzOracle.report());
    }
}
