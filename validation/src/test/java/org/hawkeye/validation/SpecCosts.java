package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.engine.cost.ProtocolCoster;
import org.hawkeye.engine.onnx.OnnxImporter;
import org.hawkeye.engine.tree.TreeNode;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.SpecLibrary;

/**
 * One built-in framework for hand-derived cost tests: a protocol's cost for given arguments, a committed model's
 * profile, and the sum of the op nodes of one type or of the modules of one name in its tree.
 */
final class SpecCosts {
    private static final SpecLibrary LIBRARY = SpecLibrary.load(List.of());
    private static final Profiler PROFILER = new Profiler(LIBRARY);

    private final String framework;
    private final FrameworkFolder folder;

    SpecCosts(String framework) {
        this.framework = framework;
        this.folder = LIBRARY.framework(framework);
    }

    /** The cost of one call of {@code protocol} with the framework's defaults changed by {@code params}. */
    Cost call(String protocol, Map<String, String> params, Object... namedArgs) {
        Map<String, BigInteger> args = new LinkedHashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) {
            args.put((String) namedArgs[i], BigInteger.valueOf(((Number) namedArgs[i + 1]).longValue()));
        }
        ProtocolCoster coster = new ProtocolCoster(folder, ParameterValues.resolve(folder, params).asRationals());
        return coster.expandCall(protocol, args, getClass().getSimpleName()).total();
    }

    static void assertCost(Cost c, long onlineBits, long rounds) {
        assertThat(c.onlineBits()).as("online bits").isEqualTo(BigInteger.valueOf(onlineBits));
        assertThat(c.onlineRounds()).as("online rounds").isEqualTo(BigInteger.valueOf(rounds));
    }

    /** Profiles the committed model at {@code resource} (a classpath path) under this framework. */
    ProfileResult profile(String resource, Map<String, String> params) {
        ProfileOptions options = ProfileOptions.of(framework);
        for (Map.Entry<String, String> p : params.entrySet()) {
            options = options.withParam(p.getKey(), p.getValue());
        }
        try (InputStream in = SpecCosts.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return PROFILER.profile(OnnxImporter.read(resource, in.readAllBytes()), resource, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The op node at a module path such as /layers.0/attn/MatMul. */
    static TreeNode opAt(ProfileResult r, String path) {
        TreeNode node = r.tree();
        for (String segment : path.substring(1).split("/")) {
            node = node.children().stream().filter(c -> c.name().equals(segment)).findFirst().orElse(null);
            assertThat(node).as("%s in %s", segment, path).isNotNull();
        }
        assertThat(node.kind()).isEqualTo(TreeNode.Kind.OP);
        return node;
    }

    /** The sum of every op node of type {@code opType} in the profile. */
    static Cost opsOfType(ProfileResult r, String opType) {
        return r.tree().ops().stream().filter(o -> o.detail().equals(opType)).map(TreeNode::total)
                .reduce(Cost.ZERO, Cost::plus);
    }

    /** The protocol called by the first op node of type {@code opType}, and the names of the calls it makes. */
    static List<String> callsOfFirst(ProfileResult r, String opType) {
        TreeNode op = r.tree().ops().stream().filter(o -> o.detail().equals(opType)).findFirst().orElseThrow();
        TreeNode protocol = op.children().get(0);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(protocol.detail()),
                protocol.children().stream().map(TreeNode::name)).toList();
    }
}
