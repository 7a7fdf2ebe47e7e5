package dev.liftoff.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the stakeholders of a service are told when one of its releases ends.
 *
 * @param rollback what was rolled back and why, or empty when nothing was
 * @param analyses one line per metric analysis (verdict, what it measured, graph link), or empty when none ran
 */
public record ReleaseOutcome(String release, String service, String version, String commitSha, String requestedBy,
        String outcome, String outcomeReason, String rollback, String analyses) {

    Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("release", release);
        values.put("service", service);
        values.put("version", version);
        values.put("commitSha", commitSha);
        values.put("requestedBy", requestedBy == null ? "unknown" : requestedBy);
        values.put("outcome", outcome);
        values.put("outcomeReason", outcomeReason == null ? "" : outcomeReason);
        values.put("rollback", rollback == null || rollback.isBlank() ? "" : "Rollback: " + rollback + "\n");
        values.put("analyses", analyses == null || analyses.isBlank() ? "" : "\nMetric analyses:\n" + analyses + "\n");
        return values;
    }
}
