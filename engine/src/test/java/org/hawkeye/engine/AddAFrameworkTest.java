package org.hawkeye.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hawkeye.engine.cli.HawkeyeCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/adding-a-framework.md, done: the ABY3 folder is copied out of the test resources to a temporary directory
 * (a user's own folder, nothing compiled) and MiniONN is profiled with it through --specs. Every number is the
 * document's hand derivation (section 5), with l = 64:
 * 7 Conv, z = 2*65536 + 2*16384 + 2*4096 + 1024 = 173056 output elements in all: conv 3*64*z, truncate 64*z;
 * Gemm, z = 10: matmul 3*64*10, truncate 64*10; 7 ReLU over the same 173056 elements: ltz 9*64*n + mul 3*64*n,
 * 6 + 2 + 1 rounds each; 2 AveragePool: truncate 64 * (64*16*16 + 64*8*8).
 */
class AddAFrameworkTest {
    private static final long Z = 2 * 65536 + 2 * 16384 + 2 * 4096 + 1024;
    private static final long BITS = 3 * 64 * Z + 64 * Z + (3 * 64 * 10 + 64 * 10) + (9 + 3) * 64 * Z
            + 64 * (64 * 16 * 16 + 64 * 8 * 8);
    private static final long ROUNDS = 7 + 7 + 2 + 7 * (6 + 2 + 1) + 2;
    private static final String MINIONN = TestFiles.resource("onnx/minionn.onnx").toString();

    @TempDir
    Path home;
    private Path aby3;

    @BeforeEach
    void copyTheFoldersOutOfTheBuild() throws IOException {
        Path source = TestFiles.resource("frameworks");
        aby3 = home.resolve("my-frameworks/aby3");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = home.resolve("my-frameworks").resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static JsonNode json(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HawkeyeCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void miniOnnUnderTheCopiedAby3MatchesTheHandDerivation() throws IOException {
        assertThat(BITS).isEqualTo(178_522_624L);
        assertThat(ROUNDS).isEqualTo(81);
        JsonNode r = json("profile", MINIONN, "-f", "aby3", "--specs", home.resolve("my-frameworks").toString(),
                "--format", "json");
        assertThat(r.at("/framework").asText()).isEqualTo("aby3");
        assertThat(r.at("/total/online/bits").asLong()).isEqualTo(BITS);
        assertThat(r.at("/total/online/rounds").asLong()).isEqualTo(ROUNDS);
        assertThat(r.at("/total/offline/bits").asLong()).isZero();
        assertThat(r.at("/complete").asBoolean()).isTrue();
        // the first Conv: conv(z = 64*32*32) then the common fixedpoint rule's truncate(z)
        JsonNode conv = r.at("/tree/children/0/children/0/children/0");
        assertThat(conv.get("note").asText()).isEqualTo(
                "rule: Conv of two secrets lowers to conv; then rule: truncate after a fixed-point product");
        assertThat(conv.at("/children/0/protocol").asText()).isEqualTo("conv");
        assertThat(conv.at("/children/1/protocol").asText()).isEqualTo("truncate");
        assertThat(conv.at("/online/bits").asLong()).isEqualTo((3 * 64 + 64) * 65536L);
    }

    @Test
    void itsParametersAreOverriddenLikeABuiltInsOnes() throws IOException {
        // without the 8 truncations (7 Conv, 1 Gemm): 64 * (173056 + 10) bits and 8 rounds fewer
        JsonNode r = json("profile", MINIONN, "-f", "aby3", "--specs", aby3.toString(), "-P",
                "truncation_communicates=0", "--format", "json");
        assertThat(r.at("/total/online/bits").asLong()).isEqualTo(BITS - 64 * (Z + 10));
        assertThat(r.at("/total/online/rounds").asLong()).isEqualTo(ROUNDS - 8);
    }

    @Test
    void whatIfReluToQuadIsCostedByItsOwnRules() throws IOException {
        // each ReLU becomes x * x (mul 3*64*n and its truncation 64*n) and two products by public coefficients
        // (local, truncated: 2 * 64*n): 384 n bits in 1 + 3 rounds instead of 768 n bits in 9
        JsonNode r = json("whatif", MINIONN, "-f", "aby3", "--specs", aby3.toString(), "-r", "relu=quad",
                "--format", "json");
        JsonNode total = r.get("rows").get(r.get("rows").size() - 1);
        assertThat(total.at("/before/online/bits").asLong()).isEqualTo(BITS);
        assertThat(total.at("/after/online/bits").asLong()).isEqualTo(BITS - (768 - 384) * Z);
        assertThat(total.at("/after/online/bits").asLong()).isEqualTo(112_069_120L);
        assertThat(total.at("/after/online/rounds").asLong()).isEqualTo(ROUNDS - 7 * (9 - 4));
    }

    @Test
    void anExtensionInheritsTheExampleAndChangesOnlyWhatItSays() throws IOException {
        // section 6: aby3-ring32 extends the example with l = 32; every bit count is linear in l, and a comparison
        // takes ceil(log2(32)) + 2 = 7 rounds instead of 8, once in each of the 7 ReLUs
        String specs = home.resolve("my-frameworks").toString();
        JsonNode r = json("profile", MINIONN, "-f", "aby3-ring32", "--specs", specs, "--format", "json");
        assertThat(r.at("/total/online/bits").asLong()).isEqualTo(BITS / 2).isEqualTo(89_261_312L);
        assertThat(r.at("/total/online/rounds").asLong()).isEqualTo(ROUNDS - 7);
        assertThat(r.at("/params_from/ring_bits").asText()).isEqualTo("aby3-ring32");
        assertThat(r.at("/params_from/truncation_communicates").asText()).isEqualTo("aby3");
        // its added rule costs LeNet's 2x2 MaxPools, which the example leaves uncosted: the first has 6*12*12 = 864
        // windows, ltz + mul on 2 * 864 then on 864 elements: (9 + 3) * 32 * 2592 bits in 2 * (7 + 1) rounds
        JsonNode lenet = json("profile", TestFiles.lenet().toString(), "-f", "aby3-ring32", "--specs", specs,
                "--format", "json");
        assertThat(lenet.at("/complete").asBoolean()).isTrue();
        JsonNode pool = lenet.at("/tree/children/0/children/2/children/0");
        assertThat(pool.get("note").asText()).isEqualTo("rule: 2x2 max pooling lowers to maxpool2x2");
        assertThat(pool.at("/online/bits").asLong()).isEqualTo((9 + 3) * 32 * (2 * 864 + 864));
        assertThat(pool.at("/online/rounds").asLong()).isEqualTo(2 * (7 + 1));
        assertThat(json("profile", TestFiles.lenet().toString(), "-f", "aby3", "--specs", specs, "--format", "json")
                .at("/unsupported/0/op").asText()).isEqualTo("MaxPool");
    }

    @Test
    void theDocumentShowsExactlyTheseFiles() throws IOException {
        // tests run in the engine module folder; the document is at the repository root
        String doc = Files.readString(Path.of("..", "docs", "adding-a-framework.md"));
        Matcher m = Pattern.compile("<!-- file: ([\\w-]+/\\S+) -->\\n```\\w+\\n(.*?)```\\n", Pattern.DOTALL)
                .matcher(doc);
        Path folders = home.resolve("my-frameworks");
        List<String> shown = new ArrayList<>();
        while (m.find()) {
            shown.add(m.group(1));
            assertThat(m.group(2)).as(m.group(1)).isEqualTo(Files.readString(folders.resolve(m.group(1))));
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(folders)) {
            s.filter(Files::isRegularFile).forEach(p -> files.add(folders.relativize(p).toString().replace('\\', '/')));
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(files);
    }
}
