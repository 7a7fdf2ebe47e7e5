package dev.liftoff.incident;

import java.util.List;

/** What the post-incident review found, as recorded on the incident. */
public record IncidentReview(String rootCause, List<String> followUps, String comment, String reviewedBy, String reviewedAt) {
}
