package dev.liftoff.incident;

import dev.liftoff.config.Severity;
import java.time.Instant;

/**
 * What a release reports when it raises an incident.
 *
 * @param releaseKey the release's business key, {@code <service>@<version>}
 * @param releaseInstanceId the root {@code release-lifecycle} instance
 * @param kind e.g. {@code production-rollback}; decides the severity unless {@code severity} is given
 * @param stage in words, e.g. {@code production}
 * @param evidence failing checks and an excerpt of their evidence; may be null
 * @param severity overrides the kind's severity; may be null
 */
public record IncidentRequest(
        String releaseKey,
        String releaseInstanceId,
        String service,
        String version,
        String commitSha,
        String kind,
        String stage,
        String evidence,
        Severity severity,
        boolean drill,
        Instant at) {
}
