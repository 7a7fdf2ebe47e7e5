package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
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
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        String version = (String) execution.getVariable(Vars.ROLLBACK_TARGET_VERSION);
        String commitSha = (String) execution.getVariable(Vars.ROLLBACK_TARGET_COMMIT_SHA);
        DeployRequest request = new DeployRequest(service, environment, version, commitSha,
                IdempotencyKeys.of(execution.getProcessInstanceId(), execution.getCurrentActivityId(), environment));
        DeployReceipt receipt = RollbackRefusals.failVisiblyOnLastAttempt(
                "Switching " + environment + " traffic back to " + version + " (" + commitSha + ")",
                () -> deployTargets.switchFor(service, environment).deploy(request));
        JsonVars.write(RootInstance.of(execution), RECEIPT, receipt.toMap());
    }
}
