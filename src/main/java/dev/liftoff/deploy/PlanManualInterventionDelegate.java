package dev.liftoff.deploy;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.TaskDeadline;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * When the manual intervention after a failed rollback, which opens now, is due, and when operations
 * are reminded of it ({@code liftoff.incidents.manual-intervention}); both drive timers in the model.
 */
@Component("planManualIntervention")
public class PlanManualInterventionDelegate implements JavaDelegate {

    private final TaskDeadline deadline;

    public PlanManualInterventionDelegate(LiftoffProperties properties) {
        this.deadline = properties.incidents().manualIntervention();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable(Vars.INTERVENTION_DUE_AT, Date.from(deadline.dueAt(now)));
        execution.setVariable(Vars.INTERVENTION_REMIND_AT, Date.from(deadline.remindAt(now)));
    }
}
