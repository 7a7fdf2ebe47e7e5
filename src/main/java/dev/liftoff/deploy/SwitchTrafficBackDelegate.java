package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Blue-green rollback: the slot that served before was kept warm, so the switch is asked to make
 * the previous version serve again. A refusal is retried, and the last one fails the rollback
 * visibly ({@link RollbackRefusals}).
 */
@Component("switchTrafficBack")
public class SwitchTrafficBackDelegate implements JavaDelegate {

    static final String RECEIPT = "rollbackTrafficSwitch";

    private final DeployTargets deployTargets;

    public SwitchTrafficBackDelegate(DeployTargets deployTargets) {
        this.deployTargets = deployTargets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeployRequest request = StepRequests.previousVersion(execution);
        DeployReceipt receipt = RollbackRefusals.failVisiblyOnLastAttempt(
                "Switching " + request.environment() + " traffic back to " + request.version() + " (" + request.commitSha() + ")",
                () -> deployTargets.switchFor(request.service(), request.environment()).deploy(request));
        JsonVars.write(RootInstance.of(execution), RECEIPT, receipt.toMap());
    }
}
