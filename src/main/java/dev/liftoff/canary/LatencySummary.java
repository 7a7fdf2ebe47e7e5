package dev.liftoff.canary;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * p50, p95, p99 and count of one side's latencies, in milliseconds, by the nearest-rank method:
 * the p-th percentile is the smallest value that at least p % of all values are at or below,
 * always one of the values seen (as the verification's latency checks report them).
 */
public record LatencySummary(int count, double p50Ms, double p95Ms, double p99Ms) {

    /**
     * An empty array gives count 0 and NaN percentiles: nothing was measured.
     *
     * @throws IllegalArgumentException when a latency is negative, NaN or infinite
     */
    public static LatencySummary of(double[] latenciesMs) {
        double[] sorted = checked(latenciesMs).clone();
        if (sorted.length == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99));
    }

    /** {count, p50Ms, p95Ms, p99Ms} rounded to 0.1 ms, for JSON evidence; percentiles are null when count is 0 */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("p50Ms", Figures.roundedMs(p50Ms));
        map.put("p95Ms", Figures.roundedMs(p95Ms));
        map.put("p99Ms", Figures.roundedMs(p99Ms));
        return map;
    }

    private static double[] checked(double[] latenciesMs) {
        for (int i = 0; i < latenciesMs.length; i++) {
            if (!(latenciesMs[i] >= 0) || Double.isInfinite(latenciesMs[i])) {
                throw new IllegalArgumentException("a latency must be a finite number of milliseconds, at least 0: got "
                        + latenciesMs[i] + " at index " + i);
            }
        }
        return latenciesMs;
    }

    private static double nearestRank(double[] sorted, int percentile) {
        // rank = ceil(p / 100 × n), in integers
        long rank = (percentile * (long) sorted.length + 99) / 100;
        return sorted[(int) rank - 1];
    }
}
