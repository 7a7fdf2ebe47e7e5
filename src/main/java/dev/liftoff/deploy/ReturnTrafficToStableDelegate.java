package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Canary rollback before the promotion: the stable version still runs what ran before, so the
 * traffic adapter is told to give the canary 0 % again. A refusal is retried, and the last one
 * fails the rollback visibly ({@link RollbackRefusals}); the restored version is verified next.
 */
@Component("returnTrafficToStable")
public class ReturnTrafficToStableDelegate implements JavaDelegate {

    static final String RECEIPT = "rollbackCanaryTraffic";

    private final DeployTargets deployTargets;

    public ReturnTrafficToStableDelegate(DeployTargets deployTargets) {
        this.deployTargets = deployTargets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeployRequest request = StepRequests.weight(execution, 0);
        DeployReceipt receipt = RollbackRefusals.failVisiblyOnLastAttempt(
                "Sending all " + request.environment() + " traffic back to the stable version (the canary of "
                        + request.version() + " to 0 %)",
                () -> deployTargets.trafficFor(request.service(), request.environment()).deploy(request));
        DelegateExecution root = RootInstance.of(execution);
        JsonVars.write(root, RECEIPT, receipt.toMap());
        root.setVariable(Vars.canaryWeightOf(request.environment()), 0);
    }
}
