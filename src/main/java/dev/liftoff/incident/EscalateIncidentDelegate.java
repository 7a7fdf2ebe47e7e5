package dev.liftoff.incident;

import dev.liftoff.notification.MailKeys;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Escalates a missed acknowledgement and counts it in {@code incidentEscalations}. */
@Component("escalateIncident")
public class EscalateIncidentDelegate implements JavaDelegate {

    private final IncidentEscalations escalations;

    public EscalateIncidentDelegate(IncidentEscalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution incident = execution.getProcessInstance();
        Object previous = incident.getVariable(Vars.ESCALATION_COUNT);
        int count = (previous == null ? 0 : ((Number) previous).intValue()) + 1;
        if (escalations.escalate(MailKeys.of(execution), incident.getId(), IncidentNotice.of(execution), count)) {
            incident.setVariable(Vars.ESCALATION_COUNT, count);
            Map<String, Object> escalation = new LinkedHashMap<>();
            escalation.put("at", ClockUtil.getCurrentTime().toInstant().toString());
            escalation.put("count", count);
            JsonVars.append(incident, Vars.INCIDENT_ESCALATIONS, escalation);
        }
    }
}
