package dev.liftoff.config;

import jakarta.validation.constraints.DecimalMin;

/**
 * Roll back when the p95 of a latency check is more than {@code worseThanBaselinePercent} above
 * the p95 the same check measured on the environment just before the deploy (reference: 50 %).
 */
public record LatencyDegradationTrigger(@DecimalMin(value = "0", inclusive = false) double worseThanBaselinePercent) {

    public LatencyDegradationTrigger {
        worseThanBaselinePercent = worseThanBaselinePercent == 0 ? 50 : worseThanBaselinePercent;
    }
}
