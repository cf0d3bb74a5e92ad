package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.autograd.TrainingOptions;
import org.hawkeye.engine.report.JsonReport;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four frameworks that run HawkEye's MP-SPDZ programs (aby, aby3, spdz2k, falcon) give, for every model of the
 * zoo, inference and one training step, the JSON report they gave before they became thin folders extending one
 * shared base: byte for byte. The goldens are the SHA-256 digest and length of each report, made from main before
 * the base existed; {@code -Dgolden.update=true} rewrites them (for an intended change of these frameworks' costs:
 * say why in the commit). On a mismatch the report is written to target/golden-actual/ to compare. The one thing
 * the reports gained since is {@code params_from} (where each parameter comes from): it is checked on its own and
 * left out of the digest. The goldens were rewritten once since, when reports gained {@code public_inputs} and
 * {@code embedding} and transformers their GELU, embedding and public-input costing: with those two keys taken out,
 * all 112 reports of the CNNs were still byte-identical; the 48 of transformers and dynamo exports changed on purpose.
 */
class MpSpdzFamilyGoldenTest {
    private static final List<String> FRAMEWORKS = List.of("aby", "aby3", "spdz2k", "falcon");
    private static final Pattern PARAMS_FROM = Pattern.compile("\n  \"params_from\" : \\{([^}]*)\\},");
    /** Each framework sets ring_bits and its own cost table's parameters; the base gives the program's. */
    private static final Map<String, List<String>> OWN_PARAMETERS = Map.of("aby", List.of("ring_bits", "kappa"),
            "aby3", List.of("ring_bits"), "spdz2k", List.of("ring_bits", "stat_security", "parties"),
            "falcon", List.of("ring_bits", "fraction_bits"));
    private static final Path GOLDEN = Path.of("src/test/resources/golden/mpspdz-family.sha256");
    private static final Map<String, String> EXPECTED = new TreeMap<>();
    private static final Map<String, String> ACTUAL = new TreeMap<>();
    private static Profiler profiler;

    @BeforeAll
    static void load() throws IOException {
        profiler = new Profiler(SpecLibrary.load(List.of()));
        if (Files.isRegularFile(GOLDEN)) {
            for (String line : Files.readAllLines(GOLDEN)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\\s+", 3);
                    EXPECTED.put(f[2], f[0] + " " + f[1]);
                }
            }
        }
    }

    @AfterAll
    static void update() throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            StringBuilder sb = new StringBuilder("# sha256 bytes case: JSON reports of the MP-SPDZ family "
                    + "(MpSpdzFamilyGoldenTest)\n");
            ACTUAL.forEach((c, d) -> sb.append(d).append(' ').append(c).append('\n'));
            Files.writeString(GOLDEN, sb.toString());
        }
    }

    /** The zoo shipped with the validation data, plus the shared zoo's other models when that folder is present. */
    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Map<String, Path> models = new TreeMap<>();
        Path shipped = Path.of(MpSpdzFamilyGoldenTest.class.getResource("/models/zoo/lenet.onnx").toURI()).getParent();
        String shared = System.getProperty("hawkeye.shared.dir");
        for (Path dir : shared == null ? List.of(shipped) : List.of(shipped, Path.of(shared, "models"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.toString().endsWith(".onnx"))
                            .forEach(p -> models.putIfAbsent(p.getFileName().toString(), p));
                }
            }
        }
        List<Arguments> out = new ArrayList<>();
        for (Path model : models.values()) {
            for (String framework : FRAMEWORKS) {
                out.add(Arguments.of(model, framework, "inference"));
                out.add(Arguments.of(model, framework, "training"));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} under {1}, {2}")
    @MethodSource("cases")
    void theJsonReportIsByteIdenticalToTheGolden(Path model, String framework, String mode) throws IOException {
        String name = model.getFileName().toString();
        ProfileOptions options = ProfileOptions.of(framework);
        if (mode.equals("training")) {
            options = options.withTraining(TrainingOptions.DEFAULT);
        }
        ProfileResult r = profiler.profile(model, options);
        String report = JsonReport.render(r);
        Matcher from = PARAMS_FROM.matcher(report);
        assertThat(from.find()).as("params_from in the report").isTrue();
        List<String> own = OWN_PARAMETERS.get(framework);
        r.paramsFrom().forEach((param, origin) -> assertThat(origin).as(param)
                .isEqualTo(own.contains(param) ? framework : "mpspdz"));
        assertThat(r.paramsFrom().keySet()).containsExactlyElementsOf(r.params().keySet());
        byte[] json = (report.substring(0, from.start()) + report.substring(from.end()))
                .getBytes(StandardCharsets.UTF_8);
        String key = name + " " + framework + " " + mode;
        String digest = sha256(json) + " " + json.length;
        synchronized (ACTUAL) {
            ACTUAL.put(key, digest);
        }
        if (Boolean.getBoolean("golden.update")) {
            return;
        }
        if (!digest.equals(EXPECTED.get(key))) {
            Path out = Path.of("target/golden-actual", name + "." + framework + "." + mode + ".json");
            Files.createDirectories(out.getParent());
            Files.write(out, json);
        }
        assertThat(digest).as("JSON report of " + key + " (written to target/golden-actual/; an intended change: "
                + "-Dgolden.update=true)").isEqualTo(EXPECTED.get(key));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
