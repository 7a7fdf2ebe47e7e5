package dev.liftoff.incident;

import dev.liftoff.config.Severity;
import java.time.Instant;

/** An incident-response instance started for a release: what the release keeps in its {@code incidents} list. */
public record RaisedIncident(String incidentId, Severity severity, String title, Instant raisedAt, boolean drill) {
}
