package dev.liftoff.verification;

/** What one request to an environment produced: a response, or no response at all. */
sealed interface TargetOutcome permits TargetResponse, Unreachable {

    /** time spent on the request, retry included */
    long latencyMs();
}
