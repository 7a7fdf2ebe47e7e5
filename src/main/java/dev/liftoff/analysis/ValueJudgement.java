package dev.liftoff.analysis;

import dev.liftoff.config.AnalysisConfig.AgainstPrevious;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one value the query answered, the way Argo Rollouts judges a measurement: the failure
 * condition fails it; else the success condition passes it; with both declared, a value that meets
 * neither is inconclusive; with one, the other is its negation. A comparison with the version
 * before (or, on a canary, with the stable version) fails a value that is worse by more than the
 * limit (and by the minimum increase), and is inconclusive without a value to compare with. NaN
 * and infinities say the query had nothing to divide (no traffic, a counter that was just reset):
 * inconclusive, never a pass.
 */
final class ValueJudgement {

    private ValueJudgement() {
    }

    static Measurement judge(AnalysisPlan plan, Instant at, double value, Baseline baseline) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return new Measurement(at, Verdict.INCONCLUSIVE, null, "no data: the query answered " + (Double.isNaN(value) ? "NaN" : value)
                    + " (e.g. nothing to divide: no requests in its range)");
        }
        List<String> failed = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        if (plan.failure() != null && plan.failure().test(value)) {
            failed.add(plan.failure().text());
        } else if (plan.success() != null && !plan.success().test(value)) {
            if (plan.failure() == null) {
                failed.add("not " + plan.success().text());
            } else {
                undecided.add("neither " + plan.success().text() + " nor " + plan.failure().text());
            }
        }
        if (plan.againstPrevious() != null) {
            compare(plan.againstPrevious(), value, baseline, failed, undecided);
        }
        String shown = format(value);
        if (!failed.isEmpty()) {
            return new Measurement(at, Verdict.FAILED, value, shown + ": " + String.join("; ", failed));
        }
        if (!undecided.isEmpty()) {
            return new Measurement(at, Verdict.INCONCLUSIVE, value, shown + ": " + String.join("; ", undecided));
        }
        return new Measurement(at, Verdict.PASSED, value, shown);
    }

    private static void compare(AgainstPrevious rule, double value, Baseline baseline, List<String> failed, List<String> undecided) {
        if (baseline == null || !baseline.available()) {
            undecided.add(baseline == null ? "no value from before the release to compare with (none measured)"
                    : "no value " + (baseline.source() == Baseline.Source.STABLE_VERSION ? "of the stable version" : "from before the release")
                            + " to compare with (" + baseline.unavailable() + ")");
            return;
        }
        double before = baseline.value();
        double worse = rule.worse() == AgainstPrevious.Worse.HIGHER ? value - before : before - value;
        double limit = Math.abs(before) * rule.worseThanPercent() / 100;
        if (worse > limit && worse >= rule.minimumIncrease()) {
            String percent = before == 0 ? "from 0" : String.format(Locale.ROOT, "%+.0f %%", 100 * (value - before) / Math.abs(before));
            failed.add(String.format(Locale.ROOT, "%s against %s %s (%s, limit %s %%)", format(value), format(before), baseline.described(),
                    percent, AnalysisPlan.number(rule.worseThanPercent())));
        }
    }

    /** a value as evidence shows it: four significant digits, no exponent for everyday sizes */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.valueOf((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e12) {
            return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }
}
