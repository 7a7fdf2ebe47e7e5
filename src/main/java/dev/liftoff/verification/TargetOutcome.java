package dev.liftoff.verification;

/** What one request to an environment produced: a response, or no response at all. */
sealed interface TargetOutcome permits TargetResponse, Unreachable {

    /** time spent on the request, retry included, in microseconds: percentiles need better than whole ms */
    long latencyMicros();

    /** the same, rounded to whole milliseconds */
    default long latencyMs() {
        return Math.round(latencyMicros() / 1000.0);
    }
}
