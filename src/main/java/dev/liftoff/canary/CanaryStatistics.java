package dev.liftoff.canary;

import dev.liftoff.analysis.Verdict;
import java.util.Objects;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The tests that judge a canary against the stable version on the same requests. Both are
 * one-sided: a canary that is faster or makes fewer errors is never flagged.
 */
public final class CanaryStatistics {

    /**
     * Fewer latencies than this on either side are inconclusive: 8 against 8 is the least at which
     * even complete separation can reach p < 0.001 (exactly 1 / C(16, 8) ≈ 0.00008).
     */
    public static final int MIN_SAMPLES = 8;

    /**
     * test(x, y) with GREATER_THAN asks whether x is stochastically greater than y, so the canary
     * goes first. AUTO computes the exact p-value when both samples are under 50 and have no ties;
     * otherwise the normal approximation, corrected for ties (latencies in whole milliseconds tie
     * often) and for continuity.
     */
    private static final MannWhitneyUTest CANARY_SLOWER = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN)
            .with(PValueMethod.AUTO)
            .with(ContinuityCorrection.ENABLED);

    /** on the table {{canary errors, canary successes}, {stable errors, stable successes}}: canary's odds of an error higher */
    private static final FisherExactTest CANARY_ERRS_MORE = FisherExactTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);

    private CanaryStatistics() {
    }

    /**
     * One-sided Mann–Whitney U test (alternative: canary latencies stochastically greater than
     * stable's) on the significance level alpha (e.g. 0.01). FAILED only when p < alpha and the
     * canary's p50 exceeds the stable's by at least minimumIncreaseMs: a 2 ms endpoint at 3 ms
     * may be significant, yet it is noise to the people using it. INCONCLUSIVE when either side
     * has fewer than {@link #MIN_SAMPLES} latencies.
     *
     * @throws IllegalArgumentException when alpha is not strictly between 0 and 1, the minimum
     *         increase is negative or not finite, or a latency is negative or not finite
     */
    public static LatencyComparison compareLatency(String name, double[] canaryMs, double[] stableMs, double alpha, double minimumIncreaseMs) {
        Objects.requireNonNull(name, "name");
        checkAlpha(alpha);
        if (!(minimumIncreaseMs >= 0) || Double.isInfinite(minimumIncreaseMs)) {
            throw new IllegalArgumentException("the minimum increase must be a finite number of milliseconds, at least 0: got " + minimumIncreaseMs);
        }
        LatencySummary canary = LatencySummary.of(canaryMs);
        LatencySummary stable = LatencySummary.of(stableMs);
        double medianIncreaseMs = canary.p50Ms() - stable.p50Ms();
        if (canary.count() < MIN_SAMPLES || stable.count() < MIN_SAMPLES) {
            return new LatencyComparison(name, canary, stable, Double.NaN, alpha, medianIncreaseMs, minimumIncreaseMs, Verdict.INCONCLUSIVE);
        }
        double p = CANARY_SLOWER.test(canaryMs, stableMs).getPValue();
        boolean slower = p < alpha && medianIncreaseMs >= minimumIncreaseMs;
        return new LatencyComparison(name, canary, stable, p, alpha, medianIncreaseMs, minimumIncreaseMs, slower ? Verdict.FAILED : Verdict.PASSED);
    }

    /**
     * One-sided Fisher's exact test on the 2×2 table {errors, successes} × {canary, stable}
     * (alternative: the canary's error proportion is greater). FAILED when p < alpha.
     * INCONCLUSIVE when a side received no request.
     *
     * @throws IllegalArgumentException when alpha is not strictly between 0 and 1, a count is
     *         negative or errors exceed requests
     */
    public static ErrorRateComparison compareErrors(int canaryErrors, int canaryRequests, int stableErrors, int stableRequests, double alpha) {
        checkAlpha(alpha);
        checkCounts("canary", canaryErrors, canaryRequests);
        checkCounts("stable", stableErrors, stableRequests);
        if (canaryRequests == 0 || stableRequests == 0) {
            return new ErrorRateComparison(canaryErrors, canaryRequests, stableErrors, stableRequests, Double.NaN, alpha, Verdict.INCONCLUSIVE);
        }
        int[][] table = {
            {canaryErrors, canaryRequests - canaryErrors},
            {stableErrors, stableRequests - stableErrors},
        };
        double p = CANARY_ERRS_MORE.test(table).getPValue();
        return new ErrorRateComparison(canaryErrors, canaryRequests, stableErrors, stableRequests, p, alpha,
                p < alpha ? Verdict.FAILED : Verdict.PASSED);
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, e.g. 0.01: got " + alpha);
        }
    }

    private static void checkCounts(String side, int errors, int requests) {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException(side + ": errors must be between 0 and the requests: got " + errors + " errors of " + requests + " requests");
        }
    }
}
