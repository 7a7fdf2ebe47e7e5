package dev.liftoff.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.MetricDecisions;
import dev.liftoff.analysis.ReleaseLabels;
import dev.liftoff.analysis.ReleaseOf;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Runs one tick of the window and records it on the root at once. A tick that stops the window
 * throws the window's {@code onFailure} error: MonitorTickFailed on staging, RollbackTriggered on
 * production. A tick whose metric analyses had no data hands them to a person
 * ({@code tickInconclusive}). In a drill ({@code drill} on the release), the first staging tick
 * fails on purpose.
 */
@Component("runMonitoringTick")
public class RunMonitoringTickDelegate implements JavaDelegate {

    private final MonitoringService monitoring;

    public RunMonitoringTickDelegate(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        DelegateExecution root = RootInstance.of(execution);
        String aboveSince = (String) execution.getVariable(Vars.ERROR_RATE_ABOVE_SINCE);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        boolean drill = Boolean.TRUE.equals(root.getVariable(Vars.DRILL)) && ServiceConfig.STAGING.equals(environment);
        ReleaseLabels release = ReleaseOf.labels(execution);
        TickOutcome tick = drill
                ? monitoring.drillTick(release, now)
                : monitoring.tick(release, aboveSince == null ? null : Instant.parse(aboveSince), baseline(root, environment),
                        ReleaseOf.baselines(execution, environment), now);
        MonitoringRecord record = new MonitoringRecord(root, environment);
        record.addTick(tick.record());
        execution.setVariable(Vars.ERROR_RATE_ABOVE_SINCE, tick.probing() ? tick.errorRateAboveSince().toString() : null);
        if (tick.stops()) {
            record.close("stopped", Map.of("stoppedAt", now.toString(), "stoppedBecause", tick.stopReason()));
            throw new BpmnError((String) execution.getVariable(Vars.ON_FAILURE), environment + " monitoring: " + tick.stopReason());
        }
        if (tick.asksAPerson()) {
            MetricDecisions.ask(execution, tick.inconclusive(), false);
        }
        execution.setVariable(Vars.TICK_INCONCLUSIVE, tick.asksAPerson());
    }

    private static Map<String, Long> baseline(DelegateExecution root, String environment) {
        JsonNode stored = JsonVars.read(root, Vars.latencyBaselineOf(environment));
        Map<String, Long> baseline = new LinkedHashMap<>();
        if (stored.isObject()) {
            stored.fields().forEachRemaining(field -> baseline.put(field.getKey(), field.getValue().asLong()));
        }
        return baseline;
    }
}
