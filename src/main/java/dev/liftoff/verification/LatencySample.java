package dev.liftoff.verification;

/**
 * One timed request of a latency check.
 *
 * @param latencyMicros from sending to reading the whole body (or to giving up)
 * @param failure why the sample failed, e.g. "status 500" or "unreachable: timed out after 10 s"; null when it got a 2xx
 */
record LatencySample(long latencyMicros, String failure) {

    static LatencySample of(TargetOutcome outcome) {
        if (outcome instanceof TargetResponse response) {
            return new LatencySample(response.latencyMicros(), response.isSuccess() ? null : response.statusText());
        }
        return new LatencySample(outcome.latencyMicros(), ((Unreachable) outcome).describe());
    }

    boolean failed() {
        return failure != null;
    }
}
