package dev.liftoff.signoff;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.TaskDeadline;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** When the Go/No-Go that opens now is due, and when the release managers are reminded of it; both drive timers in the model. */
@Component("planGoNoGo")
public class PlanGoNoGoDelegate implements JavaDelegate {

    private final LiftoffProperties properties;

    public PlanGoNoGoDelegate(LiftoffProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskDeadline deadline = properties.requireService((String) execution.getVariable(Vars.SERVICE)).goNoGo();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable(Vars.GO_NO_GO_DUE_AT, Date.from(deadline.dueAt(now)));
        execution.setVariable(Vars.GO_NO_GO_REMIND_AT, Date.from(deadline.remindAt(now)));
    }
}
