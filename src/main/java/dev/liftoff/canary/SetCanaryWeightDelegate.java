package dev.liftoff.canary;

import dev.liftoff.deploy.DeployReceipt;
import dev.liftoff.deploy.DeployRequest;
import dev.liftoff.deploy.DeployTargets;
import dev.liftoff.deploy.StepRequests;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the traffic adapter the canary's new weight: the step's {@code set-weight}, or the step's
 * input {@code canaryWeight} (0 once the canary was promoted). The idempotency key names the
 * instance, the activity and the step, so a retried or crash-repeated step sends the same key and
 * the adapter changes nothing twice. A refusal is technical: retried, then an incident.
 */
@Component("setCanaryWeight")
public class SetCanaryWeightDelegate implements JavaDelegate {

    private final DeployTargets deployTargets;
    private final CanarySteps steps;

    public SetCanaryWeightDelegate(DeployTargets deployTargets, CanarySteps steps) {
        this.deployTargets = deployTargets;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        Integer index = (Integer) execution.getVariable(Vars.CANARY_STEP);
        Object given = execution.getVariable(Vars.CANARY_WEIGHT);
        int weight = given != null ? ((Number) given).intValue() : steps.step(service, environment, index).setWeight();
        DeployRequest request = StepRequests.weight(execution, weight);
        DeployReceipt receipt = deployTargets.trafficFor(service, environment).deploy(request);

        String what = index != null ? steps.step(service, environment, index).describe()
                : "promoted: all traffic to the stable version, which runs " + request.version();
        CanaryRecord.weightSet(RootInstance.of(execution), environment, index, what, weight, receipt);
    }
}
