package dev.liftoff.monitoring;

import dev.liftoff.config.LatencyDegradationTrigger;
import dev.liftoff.verification.CheckResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The p95 of each latency check against the baseline the same check measured before the deploy:
 * a check whose p95 is worse by more than the trigger's percentage, and by at least its minimum
 * increase, is a degradation. Checks with
 * no baseline (added since, or not measured) are not compared.
 */
final class LatencyComparison {

    private LatencyComparison() {
    }

    /** one line per degraded check, e.g. "Version: latency p95 18.0 ms against 10.2 ms before the release (+76 %, limit +50 %)" */
    static List<String> degradations(LatencyDegradationTrigger trigger, Map<String, Long> baselineP95Micros, List<CheckResult> checks) {
        return checks.stream()
                .map(check -> degradation(trigger, baselineP95Micros.get(check.name()), check))
                .filter(Objects::nonNull)
                .toList();
    }

    private static String degradation(LatencyDegradationTrigger trigger, Long baselineMicros, CheckResult check) {
        Long p95 = check.figures().get(CheckResult.P95_MICROS);
        if (baselineMicros == null || baselineMicros <= 0 || p95 == null) {
            return null;
        }
        double worsePercent = 100.0 * (p95 - baselineMicros) / baselineMicros;
        long minimumIncreaseMicros = trigger.minimumIncrease().toNanos() / 1000;
        if (worsePercent <= trigger.worseThanBaselinePercent() || p95 - baselineMicros < minimumIncreaseMicros) {
            return null;
        }
        return String.format(Locale.ROOT, "%s p95 %.1f ms against %.1f ms before the release (+%.0f %%, limit +%.0f %%)",
                check.name(), p95 / 1000.0, baselineMicros / 1000.0, worsePercent, trigger.worseThanBaselinePercent());
    }
}
