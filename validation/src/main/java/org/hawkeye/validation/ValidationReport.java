package org.hawkeye.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hawkeye.engine.report.TextReport;

/** The per-case table and the summary that `hawkeye validate` prints and docs/accuracy.md quotes. */
public final class ValidationReport {
    private ValidationReport() {
    }

    public static String render(List<Harness.CaseResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"case", "unit", "measured", "hawkeye", "dev %", "HawkEye", "dev %", "tol %", ""});
        for (Harness.CaseResult r : results) {
            Measurement m = r.entry().measurement();
            rows.add(new String[] {m.id(), m.unit(), plain(r.measured()), plain(r.hawkeye()), signed(r.deviationPct()),
                    m.hawkeyeStatic() == null ? "-" : plain(m.hawkeyeStatic()),
                    r.staticDeviationPct() == null ? "-" : signed(r.staticDeviationPct()),
                    m.tolerancePct().toPlainString(), r.pass() ? "ok" : "FAIL"});
        }
        return TextReport.plainTable(rows) + "\n" + summary(results);
    }

    public static String summary(List<Harness.CaseResult> results) {
        long passing = results.stream().filter(Harness.CaseResult::pass).count();
        long withStatic = results.stream().filter(r -> r.staticDeviationPct() != null).count();
        long beats = results.stream().filter(Harness.CaseResult::beatsHawkEye).count();
        BigDecimal mean = results.isEmpty() ? BigDecimal.ZERO : results.stream().map(r -> r.deviationPct().abs())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(results.size()), MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
        Harness.CaseResult worst = results.stream()
                .max(Comparator.comparing(r -> r.deviationPct().abs())).orElse(null);
        long over = results.stream().filter(r -> r.deviationPct().signum() > 0).count();
        long under = results.stream().filter(r -> r.deviationPct().signum() < 0).count();
        StringBuilder sb = new StringBuilder();
        sb.append("cases: ").append(results.size()).append(", passing: ").append(passing)
                .append(", failing: ").append(results.size() - passing).append('\n');
        sb.append("mean |deviation|: ").append(mean).append("%, worst: ")
                .append(worst == null ? "-" : signed(worst.deviationPct()) + "% (" + worst.entry().measurement().id() + ")")
                .append('\n');
        sb.append("over-estimates: ").append(over).append(", under-estimates: ").append(under).append(", exact: ")
                .append(results.size() - over - under).append('\n');
        sb.append("cases with HawkEye's static value: ").append(withStatic).append(", where hawkeye is closer: ")
                .append(beats).append('\n');
        return sb.toString();
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.scale() > 4 ? v.setScale(4, RoundingMode.HALF_UP) : v;
        return s.stripTrailingZeros().toPlainString();
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
