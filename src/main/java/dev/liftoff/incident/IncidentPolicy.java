package dev.liftoff.incident;

import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.Severity;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The configured rules of incident response: deadlines, priorities, and which sinks are on. */
@Component
public class IncidentPolicy {

    /** Camunda's default task priority is 50; P1 is well above, P4 below */
    private static final int[] PRIORITY_BY_SEVERITY = {90, 70, 50, 30};
    static final int PRIORITY_STEP = 10;
    static final int MAX_PRIORITY = 100;

    private final IncidentsConfig config;

    public IncidentPolicy(LiftoffProperties properties) {
        this.config = properties.incidents();
    }

    public AcknowledgementPlan plan(Severity severity, Instant raisedAt) {
        return new AcknowledgementPlan(config.acknowledgingGroup(), raisedAt.plus(config.acknowledgeWithin(severity)),
                config.escalateEvery(severity), PRIORITY_BY_SEVERITY[severity.ordinal()]);
    }

    /** each missed deadline makes the task more urgent, up to the top */
    public static int escalated(int priority) {
        return Math.min(MAX_PRIORITY, priority + PRIORITY_STEP);
    }

    public String escalationGroup() {
        return config.escalationGroup();
    }

    public boolean trackerEnabled() {
        return config.github() != null;
    }

    public boolean emailEnabled() {
        return config.email().enabled();
    }
}
