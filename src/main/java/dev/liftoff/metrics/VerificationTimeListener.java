package dev.liftoff.metrics;

import dev.liftoff.process.Vars;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The end of a verification step, passed or failed: how long it ran, by environment. The rollback's
 * check of the restored version counts as {@code environment="rollback"}, apart from the
 * verification of the release it undid.
 */
final class VerificationTimeListener implements ExecutionListener {

    static final String ROLLBACK = "rollback";

    private final ReleaseMeters meters;
    private final boolean ofRollback;

    VerificationTimeListener(ReleaseMeters meters, boolean ofRollback) {
        this.meters = meters;
        this.ofRollback = ofRollback;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String environment = ofRollback ? ROLLBACK : meters.environment(execution.getVariable(Vars.ENVIRONMENT));
        Duration took = HistoricStart.ofActivityInstance(execution.getActivityInstanceId());
        if (took != null) {
            AfterCommit.record("the verification of " + environment, () -> meters.verified(environment, took));
        }
    }
}
