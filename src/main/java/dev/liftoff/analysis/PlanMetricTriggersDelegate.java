package dev.liftoff.analysis;

import dev.liftoff.process.Vars;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Names the environment's rollback triggers in {@code metricTriggers}: the window watches each of them in a loop of its own. */
@Component("planMetricTriggers")
public class PlanMetricTriggersDelegate implements JavaDelegate {

    private final AnalysisPlans plans;

    public PlanMetricTriggersDelegate(AnalysisPlans plans) {
        this.plans = plans;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Vars.METRIC_TRIGGERS, new ArrayList<>(plans.triggers((String) execution.getVariable(Vars.SERVICE),
                (String) execution.getVariable(Vars.ENVIRONMENT))));
    }
}
