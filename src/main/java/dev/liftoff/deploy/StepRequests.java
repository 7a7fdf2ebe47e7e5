package dev.liftoff.deploy;

import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The request a deploy step sends: the service and environment of its instance, and an
 * idempotency key of the instance and the step, so that a retried step repeats it harmlessly.
 */
final class StepRequests {

    private StepRequests() {
    }

    /** @param slot {@code idle} for the idle slot of blue-green, else null */
    static DeployRequest of(DelegateExecution execution, String version, String commitSha, String slot) {
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        return new DeployRequest((String) execution.getVariable(Vars.SERVICE), environment, version, commitSha,
                IdempotencyKeys.of(execution.getProcessInstanceId(), execution.getCurrentActivityId(), environment), slot);
    }

    /** the version a rollback restores, as the rollback's choice step left it */
    static DeployRequest previousVersion(DelegateExecution execution) {
        return of(execution, (String) execution.getVariable(Vars.ROLLBACK_TARGET_VERSION),
                (String) execution.getVariable(Vars.ROLLBACK_TARGET_COMMIT_SHA), null);
    }
}
