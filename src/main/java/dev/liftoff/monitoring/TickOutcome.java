package dev.liftoff.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One monitoring tick as it is kept on the release, and what it decided.
 *
 * @param record the compact tick for the release's evidence: counts and failures, not every body
 * @param stopReason why the window must stop (a failed check, a sustained error rate, a latency
 *     degradation); null when the tick passed
 * @param errorRateAboveSince the open error-rate episode after this tick; null when none is open
 * @param inconclusive the analyses that had no data, for a person to decide on; empty when none (or when the tick stops anyway)
 */
record TickOutcome(Map<String, Object> record, String stopReason, Instant errorRateAboveSince, List<Map<String, Object>> inconclusive) {

    boolean stops() {
        return stopReason != null;
    }

    /** not stopped, but some analysis had no data: a person decides whether the window goes on */
    boolean asksAPerson() {
        return !inconclusive.isEmpty();
    }

    /** an open error-rate episode: the next tick comes at the probing cadence */
    boolean probing() {
        return errorRateAboveSince != null;
    }
}
