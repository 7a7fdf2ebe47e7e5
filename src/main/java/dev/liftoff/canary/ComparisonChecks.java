package dev.liftoff.canary;

import dev.liftoff.analysis.Verdict;
import dev.liftoff.verification.CheckResult;

/**
 * The comparisons with the stable version as checks of the canary's report, beside its synthetic
 * checks and metric analyses: a comparison without enough samples is inconclusive, like a metric
 * without data, and both distributions go into the check's evidence.
 */
final class ComparisonChecks {

    private ComparisonChecks() {
    }

    static CheckResult of(LatencyComparison comparison, long durationMs) {
        return new CheckResult("compared with stable: " + comparison.name() + " latency", comparison.verdict() == Verdict.PASSED,
                "not slower than stable (Mann-Whitney U), or by less than " + Figures.ms(comparison.minimumIncreaseMs()) + " ms",
                comparison.finding(), durationMs, null, comparison.verdict() == Verdict.INCONCLUSIVE, comparison.toMap());
    }

    static CheckResult of(ErrorRateComparison comparison, long durationMs) {
        return new CheckResult("compared with stable: error rate", comparison.verdict() == Verdict.PASSED,
                "no more errors than stable (Fisher's exact test)",
                comparison.summary(), durationMs, null, comparison.verdict() == Verdict.INCONCLUSIVE, comparison.toMap());
    }
}
