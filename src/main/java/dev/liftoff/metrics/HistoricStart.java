package dev.liftoff.metrics;

import java.time.Duration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricScopeInstanceEvent;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * How long an instance or activity has run, from the start the engine's history keeps: the runtime
 * entities keep no start, and a release's start lies days and many transactions back. Read by id in
 * the ending transaction, where a start that same transaction wrote is still in the engine's cache
 * (the history of the ending instance is written as usual: ReleaseMetricsProcessTest reads it back).
 * Below authorizations: only the id of what is ending is asked.
 */
final class HistoricStart {

    private HistoricStart() {
    }

    /** null when the history keeps no start (history level {@code none}) */
    static Duration ofProcessInstance(String processInstanceId) {
        return untilNow(Context.getCommandContext().getDbEntityManager().selectById(HistoricProcessInstanceEventEntity.class, processInstanceId));
    }

    /** null when the history keeps no start (history level {@code none}) */
    static Duration ofActivityInstance(String activityInstanceId) {
        return untilNow(Context.getCommandContext().getDbEntityManager().selectById(HistoricActivityInstanceEventEntity.class, activityInstanceId));
    }

    private static Duration untilNow(HistoricScopeInstanceEvent scope) {
        if (scope == null || scope.getStartTime() == null) {
            return null;
        }
        return Duration.ofMillis(Math.max(0, ClockUtil.getCurrentTime().getTime() - scope.getStartTime().getTime()));
    }
}
