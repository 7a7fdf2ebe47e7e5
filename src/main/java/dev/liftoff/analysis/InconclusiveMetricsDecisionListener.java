package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.Activities;
import dev.liftoff.process.Decisions;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * A person decided on inconclusive metrics: carry on without them, or stop as if the check had
 * failed. Checked on the server as the form checks it (REST callers skip the browser): the
 * decision is one of the two and a reason is required, since it is a risk taken by name. Every
 * decision is kept on the release in {@code metricDecisions}; a stop sets the reason the
 * verification or the window fails with; carrying on in a trigger's watch is remembered there, so
 * that the same outage does not ask again.
 */
@Component("inconclusiveMetricsDecision")
public class InconclusiveMetricsDecisionListener implements TaskListener {

    private static final Set<String> DECISIONS = Set.of(Decisions.CARRY_ON, Decisions.STOP);
    private static final int COMMENT_LIMIT = 2000;

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(Vars.METRICS_DECISION);
        if (decision == null || !DECISIONS.contains(decision.toString())) {
            throw new BadUserRequestException(Vars.METRICS_DECISION + " must be one of " + DECISIONS + " (got " + decision + ")");
        }
        String comment = task.getVariable(Vars.METRICS_COMMENT) == null ? "" : task.getVariable(Vars.METRICS_COMMENT).toString().trim();
        if (comment.isEmpty()) {
            throw new BadUserRequestException(Vars.METRICS_COMMENT + " is required: say why the release may carry on, or why it stops");
        }
        if (comment.length() > COMMENT_LIMIT) {
            throw new BadUserRequestException(Vars.METRICS_COMMENT + " must be at most " + COMMENT_LIMIT + " characters");
        }
        String by = actor(task);
        String environment = (String) task.getVariable(Vars.ENVIRONMENT);
        List<String> analyses = analyses(JsonVars.read(task, Vars.INCONCLUSIVE_ANALYSES));
        String where = where(task.getTaskDefinitionKey());

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("environment", environment);
        record.put("where", where);
        record.put("analyses", analyses);
        record.put("decision", decision.toString());
        record.put("by", by);
        record.put("at", MetricDecisions.now().toString());
        record.put("comment", comment);
        JsonVars.append(RootInstance.of(task), Vars.METRIC_DECISIONS, record);

        if (Decisions.STOP.equals(decision.toString())) {
            String reason = by + " stopped on inconclusive metrics (" + String.join(", ", analyses) + "): " + comment;
            if (Activities.DECIDE_INCONCLUSIVE_VERIFICATION.equals(task.getTaskDefinitionKey())) {
                task.getExecution().setVariable(Vars.VERIFICATION_ERROR, environment + " " + reason);
            } else if (Activities.DECIDE_INCONCLUSIVE_CANARY.equals(task.getTaskDefinitionKey())) {
                task.getExecution().setVariable(Vars.VERIFICATION_ERROR, environment + " canary: " + reason);
            } else {
                task.getExecution().setVariable(Vars.MONITORING_ERROR, environment + " monitoring: " + reason);
            }
        } else if (Activities.DECIDE_INCONCLUSIVE_TRIGGER.equals(task.getTaskDefinitionKey())) {
            TriggerWatch watch = TriggerWatch.of(JsonVars.read(task, Vars.TRIGGER_WATCH));
            // found in the trigger's own watch, where the measurement keeps it
            task.getExecution().setVariable(Vars.TRIGGER_WATCH, JsonVars.json(watch.carryingOn().toMap()));
        }
    }

    private static String where(String taskKey) {
        if (Activities.DECIDE_INCONCLUSIVE_VERIFICATION.equals(taskKey)) {
            return "verification";
        }
        if (Activities.DECIDE_INCONCLUSIVE_CANARY.equals(taskKey)) {
            return "canary analysis";
        }
        return Activities.DECIDE_INCONCLUSIVE_TRIGGER.equals(taskKey) ? "rollback trigger" : "monitoring tick";
    }

    private static List<String> analyses(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("analysis").asText()));
        return names;
    }

    /** the authenticated caller, else the assignee: the decision is kept with a name */
    private static String actor(DelegateTask task) {
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = caller != null ? caller.getUserId() : task.getAssignee();
        if (actor == null) {
            throw new BadUserRequestException("complete this task as an authenticated user or claim it first: Liftoff records who decided");
        }
        return actor;
    }
}
