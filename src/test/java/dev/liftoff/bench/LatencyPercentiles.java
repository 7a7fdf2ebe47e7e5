package dev.liftoff.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Latency percentiles in milliseconds over a number of samples. p90 and p95 are optional because
 * not every tool reports both (wrk reports p90, Liftoff p95).
 */
record LatencyPercentiles(double p50, OptionalDouble p90, OptionalDouble p95, double p99, long samples) {

    /** nearest-rank percentiles of the measured latencies */
    static LatencyPercentiles of(List<Double> latenciesMs) {
        if (latenciesMs.isEmpty()) {
            throw new IllegalArgumentException("no latencies measured");
        }
        List<Double> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        return new LatencyPercentiles(nearestRank(sorted, 50), OptionalDouble.of(nearestRank(sorted, 90)),
                OptionalDouble.of(nearestRank(sorted, 95)), nearestRank(sorted, 99), sorted.size());
    }

    /** the smallest value with at least {@code percent} % of the values at or below it */
    static double nearestRank(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
