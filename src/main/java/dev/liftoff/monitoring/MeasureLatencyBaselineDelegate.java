package dev.liftoff.monitoring;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Before the deploy, measures the p95 of each latency check on the environment as it runs now,
 * into {@code <environment>LatencyBaseline} on the root, for the latency-degradation trigger to
 * compare with. Measures nothing when the environment has no such trigger.
 */
@Component("measureLatencyBaseline")
public class MeasureLatencyBaselineDelegate implements JavaDelegate {

    private final MonitoringService monitoring;

    public MeasureLatencyBaselineDelegate(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        if (monitoring.comparesLatency(service, environment)) {
            JsonVars.write(RootInstance.of(execution), Vars.latencyBaselineOf(environment), monitoring.latencyBaseline(service, environment));
        }
    }
}
