package dev.liftoff.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;

/**
 * Roll back when the p95 of a latency check is more than {@code worseThanBaselinePercent} above
 * the p95 the same check measured on the environment just before the deploy (reference: 50 %),
 * and at least {@code minimumIncrease} above it: on an endpoint that answers in 2 ms, +50 % is
 * scheduling noise, not a degraded release.
 */
public record LatencyDegradationTrigger(
        @DecimalMin(value = "0", inclusive = false) double worseThanBaselinePercent,
        Duration minimumIncrease) {

    public LatencyDegradationTrigger {
        worseThanBaselinePercent = worseThanBaselinePercent == 0 ? 50 : worseThanBaselinePercent;
        minimumIncrease = minimumIncrease == null ? Duration.ofMillis(10) : minimumIncrease;
    }

    @AssertTrue(message = "minimum-increase must not be negative")
    public boolean isMinimumIncreaseSane() {
        return !minimumIncrease.isNegative();
    }
}
