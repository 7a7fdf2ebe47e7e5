package dev.liftoff.verification;

import java.util.List;

/**
 * p50, p95 and p99 of a set of latencies by the nearest-rank method: the p-th percentile is the
 * smallest value that at least p % of all values are at or below, always one of the values seen.
 * Latencies are in microseconds, so that a 10 ms endpoint is not judged in 10 % steps.
 */
public record Percentiles(long p50, long p95, long p99, int count) {

    /** @throws IllegalArgumentException when there are no latencies */
    public static Percentiles of(List<Long> latenciesMicros) {
        if (latenciesMicros.isEmpty()) {
            throw new IllegalArgumentException("percentiles need at least one latency");
        }
        List<Long> sorted = latenciesMicros.stream().sorted().toList();
        return new Percentiles(nearestRank(sorted, 50), nearestRank(sorted, 95), nearestRank(sorted, 99), sorted.size());
    }

    /**
     * Exactly "p50 412.3 ms, p95 590.0 ms, p99 702.8 ms over 20 samples", the form evidence shows
     * and scripts parse: milliseconds with one decimal, "samples" even for one.
     */
    public String describe() {
        return "p50 " + ms(p50) + " ms, p95 " + ms(p95) + " ms, p99 " + ms(p99) + " ms over " + count + " samples";
    }

    private static String ms(long micros) {
        return String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static long nearestRank(List<Long> sorted, int percentile) {
        // rank = ceil(p / 100 × n), in integers
        int rank = (percentile * sorted.size() + 99) / 100;
        return sorted.get(rank - 1);
    }
}
