package dev.liftoff.incident;

import dev.liftoff.config.Severity;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Raises a release incident from a step of the release. Inputs of the step: {@code incidentKind},
 * {@code incidentStage}, optional {@code incidentEvidence} and {@code incidentSeverity}; the release
 * itself gives service, version, commit, business key and {@code drill}. The incident is listed in
 * the release's {@code incidents}.
 */
@Component("raiseReleaseIncident")
public class RaiseReleaseIncidentDelegate implements JavaDelegate {

    private final ReleaseIncidents incidents;

    public RaiseReleaseIncidentDelegate(ReleaseIncidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution release = RootInstance.of(execution);
        Object severity = execution.getVariable(Vars.INCIDENT_SEVERITY);
        RaisedIncident raised = incidents.raise(new IncidentRequest(
                release.getProcessBusinessKey(),
                release.getId(),
                (String) execution.getVariable(Vars.SERVICE),
                (String) execution.getVariable(Vars.VERSION),
                (String) execution.getVariable(Vars.COMMIT_SHA),
                (String) execution.getVariable(Vars.INCIDENT_KIND),
                (String) execution.getVariable(Vars.INCIDENT_STAGE),
                (String) execution.getVariable(Vars.INCIDENT_EVIDENCE),
                severity == null ? null : Severity.valueOf(severity.toString()),
                Boolean.TRUE.equals(release.getVariable(Vars.DRILL)),
                ClockUtil.getCurrentTime().toInstant()));

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("incidentId", raised.incidentId());
        record.put("severity", raised.severity().name());
        record.put("title", raised.title());
        record.put("raisedAt", raised.raisedAt().toString());
        record.put("drill", raised.drill());
        JsonVars.append(release, Vars.INCIDENTS, record);
    }
}
