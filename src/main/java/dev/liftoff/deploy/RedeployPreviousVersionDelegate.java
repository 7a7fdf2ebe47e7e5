package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
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
        DeployRequest request = StepRequests.previousVersion(execution);
        DeployReceipt receipt = RollbackRefusals.failVisiblyOnLastAttempt(
                "Redeploying " + request.version() + " (" + request.commitSha() + ") to " + request.environment(),
                () -> deployTargets.forEnvironment(request.service(), request.environment()).deploy(request));
        JsonVars.write(RootInstance.of(execution), RECEIPT, receipt.toMap());
    }
}
