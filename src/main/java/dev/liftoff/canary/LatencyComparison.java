package dev.liftoff.canary;

import dev.liftoff.analysis.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdict on one endpoint's latencies: canary against stable. {@code pValue} is that of the
 * one-sided Mann–Whitney U test (canary slower), NaN when inconclusive; {@code medianIncreaseMs}
 * is the canary's p50 minus the stable's (negative when the canary is faster).
 */
public record LatencyComparison(String name, LatencySummary canary, LatencySummary stable,
        double pValue, double alpha, double medianIncreaseMs, double minimumIncreaseMs, Verdict verdict) {

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    /**
     * One sentence a person understands, e.g. "Quiz generation: canary p50 312.4 ms against stable
     * 11.9 ms (+300.5 ms), slower with p = 0.0000 (needed < 0.0010)".
     */
    public String summary() {
        return name + ": " + finding();
    }

    /** the summary without the endpoint's name, for where the name stands already */
    public String finding() {
        if (verdict == Verdict.INCONCLUSIVE) {
            return "too few samples to judge: canary " + canary.count() + ", stable " + stable.count()
                    + " (at least " + CanaryStatistics.MIN_SAMPLES + " each needed)";
        }
        String medians = "canary p50 " + Figures.ms(canary.p50Ms()) + " ms against stable " + Figures.ms(stable.p50Ms())
                + " ms (" + Figures.signedMs(medianIncreaseMs) + " ms)";
        String needed = " (needed < " + Figures.probability(alpha) + ")";
        if (pValue >= alpha) {
            return medians + ", not slower: p = " + Figures.probability(pValue) + needed;
        }
        if (verdict == Verdict.PASSED) {
            return medians + ", slower with p = " + Figures.probability(pValue) + " but the p50 rose by less than the "
                    + Figures.ms(minimumIncreaseMs) + " ms that matter";
        }
        return medians + ", slower with p = " + Figures.probability(pValue) + needed;
    }

    /** for JSON evidence: milliseconds rounded to 0.1 ms, the p-value as computed, null where there is none */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("verdict", verdict.label());
        map.put("summary", summary());
        map.put("canary", canary.toMap());
        map.put("stable", stable.toMap());
        map.put("pValue", Figures.orNull(pValue));
        map.put("alpha", alpha);
        map.put("medianIncreaseMs", Figures.roundedMs(medianIncreaseMs));
        map.put("minimumIncreaseMs", minimumIncreaseMs);
        return map;
    }
}
