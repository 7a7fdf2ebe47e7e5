package dev.liftoff.incident;

import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What people are told about an incident, read from the incident-response instance. */
public record IncidentNotice(
        String title,
        String severity,
        String body,
        String service,
        String version,
        String commitSha,
        String acknowledgingGroup,
        Instant acknowledgeBy) {

    public static IncidentNotice of(DelegateExecution incident) {
        Date deadline = (Date) incident.getVariable(Vars.ACKNOWLEDGE_BY);
        return new IncidentNotice(
                (String) incident.getVariable(Vars.INCIDENT_TITLE),
                (String) incident.getVariable(Vars.INCIDENT_SEVERITY),
                (String) incident.getVariable(Vars.INCIDENT_BODY),
                (String) incident.getVariable(Vars.SERVICE),
                (String) incident.getVariable(Vars.VERSION),
                (String) incident.getVariable(Vars.COMMIT_SHA),
                (String) incident.getVariable(Vars.ACKNOWLEDGING_GROUP),
                deadline == null ? null : deadline.toInstant());
    }

    /** the placeholders every incident mail template may use */
    Map<String, String> placeholders() {
        Map<String, String> values = new HashMap<>();
        values.put("title", title);
        values.put("severity", severity);
        values.put("body", body);
        values.put("service", service);
        values.put("version", version);
        values.put("commitSha", commitSha);
        values.put("acknowledgingGroup", acknowledgingGroup);
        values.put("acknowledgeBy", acknowledgeBy == null ? "no deadline" : acknowledgeBy.toString());
        return values;
    }
}
