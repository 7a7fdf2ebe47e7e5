package dev.liftoff.metrics;

import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/** A boundary event of the production sub-process fired: production's rollback starts. */
final class RollbackStartListener implements ExecutionListener {

    private final ReleaseMeters meters;

    RollbackStartListener(ReleaseMeters meters) {
        this.meters = meters;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String service = meters.service(execution.getVariable(Vars.SERVICE));
        String reason = RollbackReasons.of(execution.getCurrentActivityId());
        AfterCommit.record("the rollback of " + execution.getProcessBusinessKey(), () -> meters.rollbackStarted(service, reason));
    }
}
