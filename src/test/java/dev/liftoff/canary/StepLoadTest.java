package dev.liftoff.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liftoff.canary.StudyApiBuild.Arrival;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLoadTest {

    private static final long MS = 1_000_000;

    @Test
    void theBusiestSecondCountsArrivalsInAnyWindowOfOneSecondHalfOpen() {
        // ten a second, 100 ms apart: any second holds ten; the eleventh is exactly 1 s after the first
        List<Long> paced = List.of(0L, 100 * MS, 200 * MS, 300 * MS, 400 * MS, 500 * MS, 600 * MS, 700 * MS, 800 * MS, 900 * MS, 1000 * MS);
        assertThat(StepLoad.busiest(paced, Duration.ofSeconds(1))).isEqualTo(10);
        assertThat(StepLoad.busiest(List.of(5 * MS, 0L, 999 * MS), Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(StepLoad.busiest(List.of(), Duration.ofSeconds(1))).isZero();
        assertThat(StepLoad.shortestSpan(paced, 11)).isEqualTo(1000 * MS);
        assertThat(StepLoad.shortestSpan(List.of(0L, 30 * MS, 50 * MS, 60 * MS), 2)).isEqualTo(10 * MS);
        assertThat(StepLoad.shortestSpan(paced, 12)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void eachStableArrivalClaimsTheNearestSameRequestAtTheCanaryAndTheRestAreTheCanarysChecks() {
        List<Arrival> stable = List.of(new Arrival(100 * MS, "GET /a"), new Arrival(200 * MS, "POST /b"), new Arrival(900 * MS, "GET /a"));
        List<Arrival> canary = List.of(
                new Arrival(90 * MS, "GET /a"),     // a check, 10 ms before the pair
                new Arrival(101 * MS, "GET /a"),    // the pair's canary half
                new Arrival(202 * MS, "POST /b"),   // the pair's canary half
                new Arrival(203 * MS, "GET /a"),    // a check
                new Arrival(1000 * MS, "GET /a"));  // too far from the last stable arrival: a check, and that pair has no twin

        StepLoad load = StepLoad.of(canary, stable, Duration.ofMillis(25));

        assertThat(load.comparisonAtCanary()).containsExactly(101 * MS, 202 * MS);
        assertThat(load.checksAtCanary()).containsExactly(90 * MS, 203 * MS, 1000 * MS);
        assertThat(load.atStable()).containsExactly(100 * MS, 200 * MS, 900 * MS);
        assertThat(load.unmatched()).isEqualTo(1);
        assertThat(load.widestTwinGapNanos()).isEqualTo(2 * MS);
        assertThat(load.allAtCanary()).hasSize(5);
    }
}
