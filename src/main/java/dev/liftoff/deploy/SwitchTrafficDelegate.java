package dev.liftoff.deploy;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Blue-green: moves the environment's traffic to the slot that runs the new version. Its answer
 * goes to {@code <environment>TrafficSwitch} on the root at once: from then on a rollback must
 * switch back. A refusal is technical, like a refused deploy: traffic did not move, the engine
 * retries, then raises an incident.
 */
@Component("switchTraffic")
public class SwitchTrafficDelegate implements JavaDelegate {

    private final DeployTargets deployTargets;

    public SwitchTrafficDelegate(DeployTargets deployTargets) {
        this.deployTargets = deployTargets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeployRequest request = StepRequests.of(execution, (String) execution.getVariable(Vars.VERSION),
                (String) execution.getVariable(Vars.COMMIT_SHA), null);
        DeployReceipt receipt = deployTargets.switchFor(request.service(), request.environment()).deploy(request);
        JsonVars.write(RootInstance.of(execution), Vars.trafficSwitchOf(request.environment()), receipt.toMap());
    }
}
