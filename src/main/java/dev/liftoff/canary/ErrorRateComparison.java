package dev.liftoff.canary;

import dev.liftoff.analysis.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdict on error counts: canary against stable. {@code pValue} is that of the one-sided
 * Fisher's exact test (canary's error proportion greater), NaN when inconclusive.
 */
public record ErrorRateComparison(int canaryErrors, int canaryRequests, int stableErrors, int stableRequests,
        double pValue, double alpha, Verdict verdict) {

    public boolean failed() {
        return verdict == Verdict.FAILED;
    }

    /**
     * One sentence a person understands, e.g. "Errors: canary 20/200 (10.0 %) against stable 2/200
     * (1.0 %), more with p = 0.0000 (needed < 0.0100)".
     */
    public String summary() {
        if (verdict == Verdict.INCONCLUSIVE) {
            return "Errors: canary " + canaryErrors + "/" + canaryRequests + " against stable " + stableErrors + "/" + stableRequests
                    + ", nothing to judge: " + (canaryRequests == 0 && stableRequests == 0 ? "neither side" : canaryRequests == 0 ? "the canary" : "the stable version")
                    + " received no request";
        }
        String counts = "Errors: canary " + canaryErrors + "/" + canaryRequests + " (" + Figures.percent(canaryErrors, canaryRequests)
                + ") against stable " + stableErrors + "/" + stableRequests + " (" + Figures.percent(stableErrors, stableRequests) + ")";
        String test = " p = " + Figures.probability(pValue) + " (needed < " + Figures.probability(alpha) + ")";
        return counts + (failed() ? ", more with" : ", not more:") + test;
    }

    /** for JSON evidence: the counts, the p-value as computed (null when inconclusive), the verdict */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.label());
        map.put("summary", summary());
        map.put("canaryErrors", canaryErrors);
        map.put("canaryRequests", canaryRequests);
        map.put("stableErrors", stableErrors);
        map.put("stableRequests", stableRequests);
        map.put("pValue", Figures.orNull(pValue));
        map.put("alpha", alpha);
        return map;
    }
}
