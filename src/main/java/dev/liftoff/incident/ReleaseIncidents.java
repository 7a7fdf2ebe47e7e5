package dev.liftoff.incident;

import dev.liftoff.notification.TextTemplate;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.Severity;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Raises a release incident: starts an {@code incident-response} instance of its own, so the
 * release goes on at once and never waits for anybody to acknowledge. Called inside the raising
 * step's transaction: a retried step starts the incident once.
 */
@Component
public class ReleaseIncidents {

    private static final TextTemplate BODY = TextTemplate.load("incident-body.md");

    private final LiftoffProperties properties;
    private final RuntimeService runtime;

    public ReleaseIncidents(LiftoffProperties properties, RuntimeService runtime) {
        this.properties = properties;
        this.runtime = runtime;
    }

    public RaisedIncident raise(IncidentRequest request) {
        Severity severity = request.severity() != null ? request.severity() : properties.incidents().severityOf(request.kind());
        Instant at = request.at().truncatedTo(ChronoUnit.SECONDS);
        String title = (request.drill() ? "[DRILL] " : "") + request.service() + ": " + request.stage() + " failure (" + at + ")";
        VariableMap variables = Variables.createVariables()
                .putValue(Vars.INCIDENT_SEVERITY, severity.name())
                .putValue(Vars.INCIDENT_KIND, request.kind())
                .putValue(Vars.INCIDENT_STAGE, request.stage())
                .putValue(Vars.INCIDENT_TITLE, title)
                .putValue(Vars.INCIDENT_BODY, body(request, severity, at))
                .putValue(Vars.RELEASE_INSTANCE_ID, request.releaseInstanceId())
                .putValue(Vars.SERVICE, request.service())
                .putValue(Vars.VERSION, request.version())
                .putValue(Vars.COMMIT_SHA, request.commitSha())
                .putValue(Vars.DRILL, request.drill());
        // whoever set the release off (a REST caller, a job) need not be allowed to start incidents
        ProcessInstance incident = Context.getCommandContext().runWithoutAuthorization(
                () -> runtime.startProcessInstanceByKey(ProcessKeys.INCIDENT_RESPONSE, request.releaseKey(), variables));
        return new RaisedIncident(incident.getId(), severity, title, at, request.drill());
    }

    private static String body(IncidentRequest request, Severity severity, Instant at) {
        return BODY.render(Map.of(
                "drill", request.drill() ? "**This is a drill.** Nothing is broken; the incident process is being rehearsed.\n\n" : "",
                "release", request.releaseKey(),
                "service", request.service(),
                "version", request.version(),
                "commitSha", request.commitSha(),
                "stage", request.stage(),
                "severity", severity.name(),
                "raisedAt", at.toString(),
                "evidence", fenced(request.evidence())));
    }

    /** evidence comes from the systems under test: a code block keeps it from turning into markup or links */
    static String fenced(String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return "_No evidence was recorded._";
        }
        String fence = "```";
        while (evidence.contains(fence)) {
            fence += "`";
        }
        return fence + "text\n" + evidence.strip() + "\n" + fence;
    }
}
