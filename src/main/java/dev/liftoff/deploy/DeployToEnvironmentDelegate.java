package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands a version to the environment's deploy target, into the slot named by the step's input
 * {@code slot} when there is one (blue-green: {@code idle}). The idempotency key comes from the
 * instance and the step, so an engine retry of this step sends the same key. A refusal or an
 * unreachable target throws: nothing changed, the engine retries, then raises an incident.
 */
@Component("deployToEnvironment")
public class DeployToEnvironmentDelegate implements JavaDelegate {

    private final DeployTargets deployTargets;

    public DeployToEnvironmentDelegate(DeployTargets deployTargets) {
        this.deployTargets = deployTargets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeployRequest request = StepRequests.of(execution, (String) execution.getVariable(Vars.DEPLOY_VERSION),
                (String) execution.getVariable(Vars.DEPLOY_COMMIT_SHA), (String) execution.getVariable(Vars.SLOT));
        DeployReceipt receipt = deployTargets.forEnvironment(request.service(), request.environment()).deploy(request);
        JsonVars.write(RootInstance.of(execution), (String) execution.getVariable(Vars.RECEIPT_VARIABLE), receipt.toMap());
    }
}
