package dev.liftoff.monitoring;

import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Opens the window on its first call and sets {@code nextTickAt}, the date the window's timer
 * waits for; {@code windowOver} once the schedule has no tick left.
 */
@Component("planNextTick")
public class PlanNextTickDelegate implements JavaDelegate {

    private final MonitoringService monitoring;

    public PlanNextTickDelegate(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String service = (String) execution.getVariable(Vars.SERVICE);
        String environment = (String) execution.getVariable(Vars.ENVIRONMENT);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        MonitoringRecord record = new MonitoringRecord(RootInstance.of(execution), environment);
        Date started = (Date) execution.getVariable(Vars.WINDOW_STARTED_AT);
        if (started == null) {
            started = Date.from(now);
            execution.setVariable(Vars.WINDOW_STARTED_AT, started);
            record.open(environment, monitoring.describeSchedule(service, environment), now.toString(),
                    monitoring.windowEnd(service, environment, now).toString());
        }
        boolean probing = execution.getVariable(Vars.ERROR_RATE_ABOVE_SINCE) != null;
        Optional<Instant> next = monitoring.nextTick(service, environment, started.toInstant(), now, probing);
        execution.setVariable(Vars.WINDOW_OVER, next.isEmpty());
        execution.setVariable(Vars.NEXT_TICK_AT, next.map(Date::from).orElse(null));
        if (next.isEmpty()) {
            record.close("completed", Map.of("completedAt", now.toString()));
        }
    }
}
