package dev.liftoff.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * Who must acknowledge an incident, by when, how urgently, and how often a missed deadline
 * escalates again.
 *
 * @param priority task priority: P1 highest
 */
public record AcknowledgementPlan(String group, Instant deadline, Duration escalateEvery, int priority) {

    /** an ISO 8601 repeating interval the boundary timer reads: first at the deadline, then every cadence */
    public String escalationCycle() {
        return "R/" + deadline + "/" + escalateEvery;
    }
}
