package dev.liftoff.deploy;

import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The request a deploy step sends: the service and environment of its instance, and an
 * idempotency key of the instance and the step, so that a retried step repeats it harmlessly.
 */
public final class StepRequests {

    private StepRequests() {
    }

    /** @param slot {@code idle} for the idle slot of blue-green, {@code canary} for a canary, else null */
    static DeployRequest of(DelegateExecution execution, String version, String commitSha, String slot) {
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        return new DeployRequest((String) execution.getVariable(Vars.SERVICE), environment, version, commitSha,
                IdempotencyKeys.of(execution.getProcessInstanceId(), execution.getCurrentActivityId(), environment), slot);
    }

    /**
     * A canary's weight change: the release's version with the percent it is to get. The key also
     * names the canary's step, since every step of the loop runs the same activity: a retried step
     * repeats its key, the next step has its own.
     */
    public static DeployRequest weight(DelegateExecution execution, int weight) {
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        Object step = execution.getVariable(Vars.CANARY_STEP);
        String activity = execution.getCurrentActivityId() + (step == null ? "" : "#" + step);
        return new DeployRequest((String) execution.getVariable(Vars.SERVICE), environment,
                (String) execution.getVariable(Vars.VERSION), (String) execution.getVariable(Vars.COMMIT_SHA),
                IdempotencyKeys.of(execution.getProcessInstanceId(), activity, environment), null, weight);
    }

    /** the version a rollback restores, as the rollback's choice step left it */
    static DeployRequest previousVersion(DelegateExecution execution) {
        return of(execution, (String) execution.getVariable(Vars.ROLLBACK_TARGET_VERSION),
                (String) execution.getVariable(Vars.ROLLBACK_TARGET_COMMIT_SHA), null);
    }
}
