package org.hawkeye.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.hawkeye.engine.Profiler;
import org.hawkeye.specs.SpecLibrary;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reproduction listed by `hawkeye reproduce --list` renders, with a row per model and column; one whose
 * framework has no spec here renders under crypten, as `hawkeye reproduce NAME --framework crypten` does.
 */
class ReproductionsTest {

    @TestFactory
    Stream<DynamicTest> everyReproductionRenders() {
        Reproductions all = Reproductions.load();
        Profiler profiler = new Profiler(SpecLibrary.load(List.of()));
        Categories categories = MeasurementCatalog.load().categories();
        assertThat(all.all()).isNotEmpty();
        return all.all().stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
            String framework = profiler.specs().names().contains(r.framework()) ? r.framework() : "crypten";
            String table = all.render(r, profiler, categories, framework);
            System.out.println(table);
            assertThat(table).startsWith(r.title());
            for (Reproduction.Row row : r.rows()) {
                assertThat(table).contains(row.label());
                if (row.measured() != null) {
                    assertThat(row.measured()).hasSize(r.columns().size());
                }
                if (row.hawkeyeStatic() != null) {
                    assertThat(row.hawkeyeStatic()).hasSize(r.columns().size());
                }
            }
            for (Reproduction.Column c : r.columns()) {
                assertThat(table).contains(c.name());
            }
        }));
    }
}
