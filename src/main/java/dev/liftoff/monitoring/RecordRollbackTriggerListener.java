package dev.liftoff.monitoring;

import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records on the root instance why production is being rolled back: the failed verification, the
 * trigger a monitoring tick tripped, or the person who asked (the authenticated sender of {@code RollbackRequested}) and their reason.
 */
@Component("recordRollbackTrigger")
public class RecordRollbackTriggerListener implements ExecutionListener {

    static final String VERIFICATION_BOUNDARY = "BoundaryEvent_ProductionVerificationFailed";
    static final String TRIGGER_BOUNDARY = "BoundaryEvent_RollbackTriggered";

    @Override
    public void notify(DelegateExecution execution) {
        String trigger;
        if (VERIFICATION_BOUNDARY.equals(execution.getCurrentActivityId())) {
            trigger = "production verification failed: " + execution.getVariable(Vars.VERIFICATION_ERROR);
        } else if (TRIGGER_BOUNDARY.equals(execution.getCurrentActivityId())) {
            // "production monitoring: <what the tick found>"
            trigger = (String) execution.getVariable(Vars.MONITORING_ERROR);
        } else {
            Authentication caller = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (caller != null) {
                // the authenticated sender, whatever the message claimed
                RootInstance.of(execution).setVariable(Vars.ROLLBACK_REQUESTED_BY, caller.getUserId());
            }
            Object who = execution.getVariable(Vars.ROLLBACK_REQUESTED_BY);
            Object why = execution.getVariable(Vars.ROLLBACK_REASON);
            trigger = "rollback requested by " + (who == null ? "an unnamed person" : who)
                    + (why == null ? "" : ": " + why);
        }
        RootInstance.of(execution).setVariable(Vars.ROLLBACK_TRIGGER, trigger);
    }
}
