package dev.liftoff.canary;

import dev.liftoff.canary.StudyApiBuild.Arrival;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The requests one analysis step sent to the canary and to the stable version, as the two builds saw
 * them arrive, told apart: the stable version gets only the comparison's requests, and the comparison
 * sends each of them to the canary at the same moment, so the canary's arrival of the same request
 * nearest in time to a stable arrival (within {@code twinWithin}) is the comparison's, and every other
 * arrival at the canary is one of its own checks.
 *
 * @param comparisonAtCanary the comparison's requests at the canary, arrival times in nanoseconds
 * @param checksAtCanary the canary's own checks (health, version, smoke, CORS, latency samples)
 * @param atStable everything the stable version got: the comparison's requests
 * @param unmatched stable arrivals without a twin at the canary (0 when every pair reached both)
 * @param widestTwinGapNanos the largest gap between the two arrivals of a pair
 */
record StepLoad(List<Long> comparisonAtCanary, List<Long> checksAtCanary, List<Long> atStable, int unmatched, long widestTwinGapNanos) {

    static StepLoad of(List<Arrival> atCanary, List<Arrival> atStable, Duration twinWithin) {
        List<Arrival> canary = new ArrayList<>(atCanary);
        canary.sort(Comparator.comparingLong(Arrival::nanos));
        boolean[] twin = new boolean[canary.size()];
        List<Long> comparison = new ArrayList<>();
        List<Long> stable = new ArrayList<>();
        int unmatched = 0;
        long widestGap = 0;
        for (Arrival pairHalf : atStable.stream().sorted(Comparator.comparingLong(Arrival::nanos)).toList()) {
            stable.add(pairHalf.nanos());
            int nearest = -1;
            long nearestGap = Long.MAX_VALUE;
            for (int i = 0; i < canary.size(); i++) {
                Arrival candidate = canary.get(i);
                long gap = Math.abs(candidate.nanos() - pairHalf.nanos());
                if (!twin[i] && candidate.request().equals(pairHalf.request()) && gap < nearestGap) {
                    nearest = i;
                    nearestGap = gap;
                }
            }
            if (nearest < 0 || nearestGap > twinWithin.toNanos()) {
                unmatched++;
                continue;
            }
            twin[nearest] = true;
            comparison.add(canary.get(nearest).nanos());
            widestGap = Math.max(widestGap, nearestGap);
        }
        List<Long> checks = new ArrayList<>();
        for (int i = 0; i < canary.size(); i++) {
            if (!twin[i]) {
                checks.add(canary.get(i).nanos());
            }
        }
        comparison.sort(null);
        return new StepLoad(comparison, checks, stable, unmatched, widestGap);
    }

    /** every request at the canary, the comparison's and its checks' together */
    List<Long> allAtCanary() {
        List<Long> all = new ArrayList<>(comparisonAtCanary);
        all.addAll(checksAtCanary);
        all.sort(null);
        return all;
    }

    /**
     * The shortest time in which {@code count} of {@code arrivals} (nanoseconds) arrived, in
     * nanoseconds; {@link Long#MAX_VALUE} when there are fewer. Held against a limit of
     * {@code count - 1} a second, it says by how much a second's window was overfilled.
     */
    static long shortestSpan(List<Long> arrivals, int count) {
        List<Long> sorted = arrivals.stream().sorted().toList();
        long shortest = Long.MAX_VALUE;
        for (int first = 0; first + count - 1 < sorted.size(); first++) {
            shortest = Math.min(shortest, sorted.get(first + count - 1) - sorted.get(first));
        }
        return shortest;
    }

    /** the most of {@code arrivals} (nanoseconds) in any window of {@code window}: [t, t + window) */
    static int busiest(List<Long> arrivals, Duration window) {
        List<Long> sorted = arrivals.stream().sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= window.toNanos()) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
