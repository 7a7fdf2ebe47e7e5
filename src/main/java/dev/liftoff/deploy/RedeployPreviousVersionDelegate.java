package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Direct rollback: hands the version to restore to the environment's deploy target. A refusal is
 * retried, and the last one fails the rollback visibly ({@link RollbackRefusals}).
 */
@Component("redeployPreviousVersion")
public class RedeployPreviousVersionDelegate implements JavaDelegate {

    static final String RECEIPT = "rollbackDeployment";

    private final DeployTargets deployTargets;

    public RedeployPreviousVersionDelegate(DeployTargets deployTargets) {
        this.deployTargets = deployTargets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        String version = (String) execution.getVariable(Vars.ROLLBACK_TARGET_VERSION);
        String commitSha = (String) execution.getVariable(Vars.ROLLBACK_TARGET_COMMIT_SHA);
        DeployRequest request = new DeployRequest(service, environment, version, commitSha,
                IdempotencyKeys.of(execution.getProcessInstanceId(), execution.getCurrentActivityId(), environment));
        DeployReceipt receipt = RollbackRefusals.failVisiblyOnLastAttempt(
                "Redeploying " + version + " (" + commitSha + ") to " + environment,
                () -> deployTargets.forEnvironment(service, environment).deploy(request));
        JsonVars.write(RootInstance.of(execution), RECEIPT, receipt.toMap());
    }
}
