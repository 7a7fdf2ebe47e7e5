package dev.liftoff.analysis;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One measurement of the rollback trigger this watch is for ({@code metricTrigger}). Once its
 * failure has lasted {@code sustained-for} (and more measurements failed than its failure limit) it
 * throws the window's {@code onFailure} error, naming the query: production rolls back, staging
 * fails. Inconclusive more often in a row than its limit allows, it asks a person
 * ({@code triggerInconclusive}). Writes only what changed: it runs every few seconds.
 */
@Component("measureMetricTrigger")
public class MeasureMetricTriggerDelegate implements JavaDelegate {

    private final AnalysisService analysis;

    public MeasureMetricTriggerDelegate(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReleaseLabels release = ReleaseOf.labels(execution);
        String name = (String) execution.getVariable(Vars.METRIC_TRIGGER);
        AnalysisPlan plan = analysis.plans().require(release.service(), release.environment(), name);
        Instant now = MetricDecisions.now();
        Date opened = (Date) execution.getVariable(Vars.WINDOW_STARTED_AT);
        TriggerReading reading = analysis.measureTrigger(plan, release, opened == null ? now : opened.toInstant(), now,
                ReleaseOf.baselines(execution, release.environment()).get(name));

        TriggerWatch watch = TriggerWatch.of(JsonVars.read(execution, Vars.TRIGGER_WATCH));
        TriggerWatch.Step step = watch.step(plan, reading.verdict());
        TriggerWatch next = watch.after(reading.verdict());
        if (!next.equals(watch)) {
            execution.setVariableLocal(Vars.TRIGGER_WATCH, JsonVars.json(next.toMap()));
        }
        new TriggerEvidence(RootInstance.of(execution), release.environment()).record(plan, reading, step, now);
        if (step == TriggerWatch.Step.FIRE) {
            throw new BpmnError((String) execution.getVariable(Vars.ON_FAILURE), release.environment() + " monitoring: "
                    + TriggerEvidence.firedBecause(plan, reading));
        }
        boolean ask = step == TriggerWatch.Step.ASK;
        if (ask) {
            MetricDecisions.ask(execution, List.of(MetricDecisions.row(name, "rollback trigger", reading.detail(), reading.query(),
                    reading.graphUrl())), true);
        }
        if (!Objects.equals(execution.getVariableLocal(Vars.TRIGGER_INCONCLUSIVE), ask)) {
            execution.setVariableLocal(Vars.TRIGGER_INCONCLUSIVE, ask);
        }
    }
}
