package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How an analysis step judges the canary against the stable version: the same requests (the
 * service's latency checks, in turn) go to both at the same moment, at most
 * {@code requests-per-second} pairs a second; the canary fails when its latencies are greater with
 * the given confidence (a one-sided Mann–Whitney U test per endpoint, the confidence shared among the
 * endpoints) and its median is at least {@code minimum-increase} worse, or when its error rate is
 * greater with that confidence (a one-sided Fisher's exact test).
 *
 * @param confidence e.g. 0.99: a canary no worse than stable is failed at most 1 time in 100
 * @param minimumIncrease a slower median below this is noise, whatever the test says
 * @param requestsPerSecond the plan's rate limit: request pairs a second, so the canary and the
 *     stable version each get at most this many of Liftoff's requests a second
 */
public record CanaryComparisonConfig(Double confidence, Duration minimumIncrease,
        @Min(value = 1, message = "comparison.requests-per-second must be from 1 to 1000")
        @Max(value = 1000, message = "comparison.requests-per-second must be from 1 to 1000") Integer requestsPerSecond) {

    public CanaryComparisonConfig {
        confidence = confidence == null ? 0.99 : confidence;
        minimumIncrease = minimumIncrease == null ? Duration.ofMillis(10) : minimumIncrease;
        requestsPerSecond = requestsPerSecond == null ? 10 : requestsPerSecond;
    }

    public static CanaryComparisonConfig defaults() {
        return new CanaryComparisonConfig(null, null, null);
    }

    @AssertTrue(message = "comparison.confidence must be above 0.5 and below 1, e.g. 0.99")
    public boolean isConfidenceUsable() {
        return confidence > 0.5 && confidence < 1;
    }

    @AssertTrue(message = "comparison.minimum-increase must not be negative")
    public boolean isMinimumIncreaseUsable() {
        return !minimumIncrease.isNegative();
    }

    /** the significance level of one comparison: 1 - confidence */
    public double alpha() {
        return 1 - confidence;
    }
}
