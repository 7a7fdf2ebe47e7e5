package dev.liftoff.config;

import jakarta.validation.Valid;

/**
 * What rolls an environment back besides a failed verification (which always does): a sustained
 * error rate and a latency degradation against the pre-release baseline. Either may be left out.
 */
public record RollbackTriggers(@Valid ErrorRateTrigger errorRate, @Valid LatencyDegradationTrigger latencyDegradation) {

    static RollbackTriggers none() {
        return new RollbackTriggers(null, null);
    }
}
