package dev.liftoff.verification;

/**
 * The environment did not answer, even on a second try. A failed check, not a fault of Liftoff:
 * an environment that is down is exactly what verification is for.
 *
 * @param reason what went wrong, e.g. "connection refused" or "timed out after 10 s"
 */
record Unreachable(String reason, long latencyMicros) implements TargetOutcome {

    /** how checks show it as their actual value */
    String describe() {
        return "unreachable: " + reason;
    }
}
