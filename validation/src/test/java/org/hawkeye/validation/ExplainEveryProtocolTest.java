package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hawkeye.engine.cost.ProtocolExplainer;
import org.hawkeye.specs.FrameworkFolder;
import org.hawkeye.specs.ParameterValues;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * `hawkeye explain` works for every protocol of every built-in framework: each protocol is evaluated with every
 * argument set to 1 (a valid size, count and flag almost everywhere) or, where 1 is outside a protocol's domain
 * (an HE ring degree), 64; the explanation names its source and a total.
 */
class ExplainEveryProtocolTest {

    @TestFactory
    Stream<DynamicTest> everyProtocolOfEveryFrameworkExplains() {
        SpecLibrary library = SpecLibrary.load(List.of());
        assertThat(library.names()).contains("crypten", "cryptflow2", "cheetah", "delphi", "semi2k");
        return library.names().stream().flatMap(name -> {
            FrameworkFolder f = library.framework(name);
            ProtocolExplainer explainer = new ProtocolExplainer(f, ParameterValues.resolve(f, Map.of()).asRationals());
            return f.spec().protocols().entrySet().stream().map(p -> DynamicTest.dynamicTest(name + "/" + p.getKey(),
                    () -> {
                        String text;
                        try {
                            text = explainer.explain(p.getKey(), allArgs(p.getValue().args(), "1"));
                        } catch (org.hawkeye.specs.ProfilerException outsideDomain) {
                            text = explainer.explain(p.getKey(), allArgs(p.getValue().args(), "64"));
                        }
                        assertThat(text).contains("source: " + p.getValue().source()).contains("total");
                    }));
        });
    }

    private static Map<String, String> allArgs(List<String> names, String value) {
        Map<String, String> args = new LinkedHashMap<>();
        names.forEach(a -> args.put(a, value));
        return args;
    }
}
