package dev.liftoff.metrics;

import dev.liftoff.process.Vars;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end of a root {@code release-lifecycle} instance: one release counted by service and outcome,
 * and its time from request to outcome. Also fires when an operator deletes a running release
 * (outcome {@code CANCELLED} unless it had recorded one).
 */
final class ReleaseEndListener implements ExecutionListener {

    private final ReleaseMeters meters;

    ReleaseEndListener(ReleaseMeters meters) {
        this.meters = meters;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getSuperExecution() != null) {
            return; // called by another process: a stage of something else, not a release
        }
        String service = meters.service(execution.getVariable(Vars.SERVICE));
        String outcome = ReleaseMeters.outcome(execution.getVariable(Vars.OUTCOME));
        Duration duration = HistoricStart.ofProcessInstance(execution.getProcessInstanceId());
        AfterCommit.record("the end of release " + execution.getProcessBusinessKey(), () -> meters.releaseEnded(service, outcome, duration));
    }
}
