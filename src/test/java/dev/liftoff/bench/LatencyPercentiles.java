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

    /**
     * Each percentile as the median of several passes over the same endpoint: one pass's p99 is
     * decided by its ten slowest requests, which one stall of a 2-core machine can move by a
     * quarter; three passes keep such a stall from deciding the comparison.
     */
    static LatencyPercentiles medianOf(List<LatencyPercentiles> passes) {
        return new LatencyPercentiles(median(passes.stream().map(LatencyPercentiles::p50).toList()),
                medianOfPresent(passes.stream().map(LatencyPercentiles::p90).toList()),
                medianOfPresent(passes.stream().map(LatencyPercentiles::p95).toList()),
                median(passes.stream().map(LatencyPercentiles::p99).toList()),
                passes.stream().mapToLong(LatencyPercentiles::samples).sum());
    }

    private static OptionalDouble medianOfPresent(List<OptionalDouble> values) {
        List<Double> present = values.stream().filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble).toList();
        return present.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(median(present));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** the smallest value with at least {@code percent} % of the values at or below it */
    static double nearestRank(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
