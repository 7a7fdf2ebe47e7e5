package dev.liftoff.incident;

import dev.liftoff.config.Severity;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Sets the acknowledgement deadline, priority and escalation cadence of the incident's severity,
 * and tells the model which notification sinks are on.
 */
@Component("planAcknowledgement")
public class PlanAcknowledgementDelegate implements JavaDelegate {

    private final IncidentPolicy policy;

    public PlanAcknowledgementDelegate(IncidentPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Severity severity = Severity.valueOf((String) execution.getVariable(Vars.INCIDENT_SEVERITY));
        AcknowledgementPlan plan = policy.plan(severity, ClockUtil.getCurrentTime().toInstant());
        execution.setVariable(Vars.ACKNOWLEDGING_GROUP, plan.group());
        execution.setVariable(Vars.ACKNOWLEDGE_BY, Date.from(plan.deadline()));
        execution.setVariable(Vars.ACKNOWLEDGEMENT_PRIORITY, plan.priority());
        execution.setVariable(Vars.ESCALATION_CYCLE, plan.escalationCycle());
        execution.setVariable(Vars.ESCALATION_COUNT, 0);
        JsonVars.write(execution, Vars.INCIDENT_ESCALATIONS, List.of());
        execution.setVariable(Vars.TRACKER_ENABLED, policy.trackerEnabled());
        execution.setVariable(Vars.EMAIL_ENABLED, policy.emailEnabled());
    }
}
