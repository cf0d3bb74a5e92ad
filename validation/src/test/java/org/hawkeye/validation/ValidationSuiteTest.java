package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.Profiler;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every measured case shipped in measurements/ must be within its tolerance: what `hawkeye validate` checks, run
 * in `mvn verify` so that a case that drifts fails the build. The full table is printed.
 */
class ValidationSuiteTest {
    private static List<Harness.CaseResult> results;

    @BeforeAll
    static void runAll() {
        MeasurementCatalog catalog = MeasurementCatalog.load();
        results = new Harness(new Profiler(SpecLibrary.load(List.of())), catalog.categories()).run(catalog.entries());
        System.out.println(ValidationReport.render(results));
    }

    @TestFactory
    Stream<DynamicTest> everyCaseIsWithinItsTolerance() {
        assertThat(results).isNotEmpty();
        return results.stream().map(r -> DynamicTest.dynamicTest(r.entry().measurement().id(), () ->
                assertThat(r.pass()).as("%s: measured %s, hawkeye %s (%s%%, tolerance %s%%) at %s",
                        r.entry().measurement().id(), r.measured(), r.hawkeye(), r.deviationPct(),
                        r.entry().measurement().tolerancePct(), r.entry().location()).isTrue()));
    }
}
