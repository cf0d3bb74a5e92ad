package org.hawkeye.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hawkeye.engine.ProfileOptions;
import org.hawkeye.engine.ProfileResult;
import org.hawkeye.engine.Profiler;
import org.hawkeye.engine.cost.Cost;
import org.hawkeye.specs.ProfilerException;
import org.hawkeye.specs.WeightsMode;

/**
 * Compares hawkeye with measured runs: profiles each distinct run configuration once, reads the measured
 * scope (total, a category of ops, or a module path) out of the result, and reports the signed deviation.
 */
public final class Harness {
    private final Profiler profiler;
    private final Categories categories;

    public Harness(Profiler profiler, Categories categories) {
        this.profiler = profiler;
        this.categories = categories;
    }

    /** One case's outcome; values are in the measurement's unit. */
    public record CaseResult(MeasurementCatalog.Entry entry, BigDecimal measured, BigDecimal hawkeye,
                             BigDecimal deviationPct, BigDecimal staticDeviationPct, boolean pass) {

        /** True when hawkeye is closer to the measurement than HawkEye's own static value. */
        public boolean beatsHawkEye() {
            return staticDeviationPct != null && deviationPct.abs().compareTo(staticDeviationPct.abs()) < 0;
        }
    }

    public List<CaseResult> run(List<MeasurementCatalog.Entry> entries) {
        Map<String, ProfileResult> runs = new HashMap<>();
        List<CaseResult> results = new ArrayList<>();
        for (MeasurementCatalog.Entry e : entries) {
            Measurement m = e.measurement();
            String runKey = e.model() + "|" + m.framework() + "|" + m.params() + "|" + m.weights() + "|" + m.mode()
                    + "|" + m.batch() + "|" + m.rewrite();
            ProfileResult r = runs.computeIfAbsent(runKey, k -> profile(e));
            BigDecimal hawkeyeBase = new BigDecimal(select(r, m, e));
            BigDecimal hawkeye = Units.fromBase(m.metric(), hawkeyeBase, m.unit());
            BigDecimal measured = m.value();
            BigDecimal deviation = deviation(hawkeye, measured);
            BigDecimal staticDeviation = m.hawkeyeStatic() == null ? null : deviation(m.hawkeyeStatic(), measured);
            boolean pass = measured.signum() == 0 ? hawkeye.signum() == 0
                    : deviation.abs().compareTo(m.tolerancePct()) <= 0;
            results.add(new CaseResult(e, measured, hawkeye, deviation, staticDeviation, pass));
        }
        return results;
    }

    private ProfileResult profile(MeasurementCatalog.Entry e) {
        Measurement m = e.measurement();
        if (!"inference".equals(m.mode())) {
            throw new ProfilerException(e.location().toString(), "case '" + m.id() + "': mode '" + m.mode()
                    + "' is not supported by this harness yet");
        }
        ProfileOptions options = ProfileOptions.of(m.framework()).withParams(m.params()).withBatch(m.batch())
                .withWeights(m.weights() == null ? null : WeightsMode.parse(m.weights()));
        return RecordRewrites.profile(profiler, e.model(), options, m.rewrite(), e.location().toString(),
                "case '" + m.id() + "'");
    }

    private BigInteger select(ProfileResult r, Measurement m, MeasurementCatalog.Entry e) {
        Cost c = new Scopes(categories).cost(r, m.scope());
        if (c == null) {
            throw new ProfilerException(e.location().toString(), "case '" + m.id() + "': no node on " + m.scope());
        }
        if (m.party() == null) {
            return Scopes.pick(c, m.phase(), m.metric());
        }
        int party = r.traffic().parties().indexOf(m.party());
        BigInteger bits = party < 0 ? null : Scopes.pickParty(c, m.phase(), party);
        if (bits == null) {
            throw new ProfilerException(e.location().toString(), "case '" + m.id() + "': " + m.framework()
                    + " gives no bits sent by party '" + m.party() + "' (parties: " + r.traffic().parties() + ")");
        }
        return bits;
    }

    /** Signed deviation in percent: (value - measured) / measured; 0 when both are 0. */
    static BigDecimal deviation(BigDecimal value, BigDecimal measured) {
        if (measured.signum() == 0) {
            return value.signum() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(100);
        }
        return value.subtract(measured).multiply(BigDecimal.valueOf(100))
                .divide(measured, MathContext.DECIMAL64).setScale(2, RoundingMode.HALF_UP);
    }
}
