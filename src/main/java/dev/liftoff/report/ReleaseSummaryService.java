package dev.liftoff.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.liftoff.analysis.AnalysisEvidence;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Service;

/**
 * The summary of a release, built from the engine's history and the root's evidence: stages with
 * start and end, checks passed and failed, approvals, each UAT tester's feedback, rollback. It is
 * what the release closure stores, whatever the outcome.
 */
@Service
public class ReleaseSummaryService {

    private static final List<String> STAGE_TYPES = List.of("callActivity", "subProcess");
    private static final List<String> ENVIRONMENTS = List.of(ServiceConfig.STAGING, ServiceConfig.PRODUCTION);

    private final HistoryService historyService;

    public ReleaseSummaryService(HistoryService historyService) {
        this.historyService = historyService;
    }

    public ObjectNode summarize(DelegateExecution root) {
        ObjectNode summary = JsonVars.MAPPER.createObjectNode();
        summary.put("release", root.getBusinessKey());
        for (String name : List.of(Vars.SERVICE, Vars.VERSION, Vars.COMMIT_SHA, Vars.REQUESTED_BY, Vars.STARTED_BY,
                Vars.OUTCOME, Vars.OUTCOME_REASON)) {
            Object value = root.getVariable(name);
            summary.put(name, value == null ? null : value.toString());
        }
        summary.set("stages", stages(root.getId()));
        summary.set("checks", checks(root));
        JsonNode approvals = JsonVars.read(root, Vars.APPROVALS);
        summary.set("approvals", approvals.isArray() ? approvals : JsonVars.MAPPER.createArrayNode());
        summary.set("uat", uat(root));
        summary.set("monitoring", monitoring(root));
        summary.set("rollback", rollback(root));
        JsonNode incidents = JsonVars.read(root, Vars.INCIDENTS);
        summary.set("incidents", incidents.isArray() ? incidents : JsonVars.MAPPER.createArrayNode());
        summary.set("analyses", analyses(root));
        JsonNode decisions = JsonVars.read(root, Vars.METRIC_DECISIONS);
        summary.set("metricDecisions", decisions.isArray() ? decisions : JsonVars.MAPPER.createArrayNode());
        return summary;
    }

    /**
     * UAT as the testers left it: each tester's feedback (decision, confidence, failed scenarios,
     * issues, comment) and the verdict, which names an expiry when UAT ran out of time.
     */
    private static ObjectNode uat(DelegateExecution root) {
        ObjectNode uat = JsonVars.MAPPER.createObjectNode();
        Object passed = root.getVariable(Vars.UAT_PASSED);
        if (passed != null) {
            uat.put("passed", (Boolean) passed);
        }
        Object verdict = root.getVariable(Vars.UAT_REASON);
        if (verdict != null) {
            uat.put("verdict", verdict.toString());
        }
        JsonNode feedback = JsonVars.read(root, Vars.UAT_FEEDBACK);
        uat.set("feedback", feedback.isArray() ? feedback : JsonVars.MAPPER.createArrayNode());
        return uat;
    }

    /**
     * Per watched environment: the schedule, how the window ended (with who cut it short and why),
     * and the trend of its ticks: how many passed, and each failed tick with what it found.
     */
    private static ObjectNode monitoring(DelegateExecution root) {
        ObjectNode monitoring = JsonVars.MAPPER.createObjectNode();
        for (String environment : ENVIRONMENTS) {
            JsonNode window = JsonVars.read(root, Vars.monitoringOf(environment));
            if (!window.isObject()) {
                continue;
            }
            ObjectNode entry = JsonVars.MAPPER.createObjectNode();
            entry.put("schedule", window.path("schedule").asText());
            entry.put("status", window.path("status").asText());
            entry.put("startedAt", window.path("startedAt").asText());
            int passed = 0;
            ArrayNode failedTicks = JsonVars.MAPPER.createArrayNode();
            for (JsonNode tick : window.path("ticks")) {
                if (tick.path("passed").asBoolean()) {
                    passed++;
                } else {
                    failedTicks.add(tick);
                }
            }
            entry.put("ticks", window.path("ticks").size());
            entry.put("ticksPassed", passed);
            entry.set("failedTicks", failedTicks);
            for (String end : List.of("cutShort", "stoppedBecause")) {
                if (window.has(end)) {
                    entry.set(end, window.get(end));
                }
            }
            monitoring.set(environment, entry);
        }
        return monitoring;
    }

    /** every metric analysis of the verifications and every rollback trigger, with its verdict, query and graph link */
    public static ArrayNode analyses(DelegateExecution root) {
        ArrayNode analyses = JsonVars.MAPPER.createArrayNode();
        for (String environment : ENVIRONMENTS) {
            AnalysisEvidence.rows(environment, JsonVars.read(root, Vars.verificationOf(environment)),
                    JsonVars.read(root, Vars.metricTriggersOf(environment))).forEach(row -> analyses.add(JsonVars.MAPPER.valueToTree(row)));
        }
        return analyses;
    }

    /** the stages (call activities and sub-processes) of a release so far, in the order they started */
    public ArrayNode stages(String rootId) {
        ArrayNode stages = JsonVars.MAPPER.createArrayNode();
        historyService.createHistoricActivityInstanceQuery().processInstanceId(rootId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
                .list().stream()
                .filter(activity -> STAGE_TYPES.contains(activity.getActivityType()))
                .forEach(activity -> stages.add(stage(activity)));
        return stages;
    }

    private static ObjectNode stage(HistoricActivityInstance activity) {
        ObjectNode stage = JsonVars.MAPPER.createObjectNode();
        stage.put("name", activity.getActivityName());
        stage.put("activityId", activity.getActivityId());
        stage.put("startedAt", iso(activity.getStartTime()));
        stage.put("endedAt", iso(activity.getEndTime()));
        if (activity.getDurationInMillis() != null) {
            stage.put("durationMs", activity.getDurationInMillis());
        }
        stage.put("state", activity.getEndTime() == null ? "running" : activity.isCanceled() ? "interrupted" : "completed");
        return stage;
    }

    private static ObjectNode checks(DelegateExecution root) {
        ObjectNode checks = JsonVars.MAPPER.createObjectNode();
        addChecks(checks, "readiness", JsonVars.read(root, Vars.READINESS));
        for (String environment : ENVIRONMENTS) {
            addChecks(checks, environment, JsonVars.read(root, Vars.verificationOf(environment)));
            // a canary's own checks before it got traffic, then every analysis step, in order
            addChecks(checks, environment + " canary", JsonVars.read(root, Vars.canaryVerificationOf(environment)));
            for (JsonNode step : JsonVars.read(root, Vars.canaryOf(environment)).path("steps")) {
                if (step.has("report")) {
                    addChecks(checks, environment + " canary step " + step.path("step").asText(), step.path("report"));
                }
            }
        }
        addChecks(checks, "rollback", JsonVars.read(root, Vars.ROLLBACK_VERIFICATION));
        return checks;
    }

    private static void addChecks(ObjectNode checks, String name, JsonNode evidence) {
        if (evidence.isMissingNode() || evidence.isNull()) {
            return;
        }
        ObjectNode entry = JsonVars.MAPPER.createObjectNode();
        entry.put("passed", evidence.path("passed").asBoolean());
        entry.put("summary", evidence.path("summary").asText());
        int passed = 0;
        ArrayNode failed = JsonVars.MAPPER.createArrayNode();
        for (JsonNode check : evidence.path("checks")) {
            if (check.path("passed").asBoolean()) {
                passed++;
            } else {
                failed.add(check.path("name").asText() + ": " + check.path("actual").asText());
            }
        }
        entry.put("checksPassed", passed);
        entry.put("checksFailed", failed.size());
        entry.set("failures", failed);
        checks.set(name, entry);
    }

    private static JsonNode rollback(DelegateExecution root) {
        Object trigger = root.getVariable(Vars.ROLLBACK_TRIGGER);
        if (trigger == null) {
            return JsonVars.MAPPER.nullNode();
        }
        ObjectNode rollback = JsonVars.MAPPER.createObjectNode();
        rollback.put("trigger", trigger.toString());
        rollback.set("restored", JsonVars.read(root, Vars.ROLLBACK_TARGET));
        Object requestedBy = root.getVariable(Vars.ROLLBACK_REQUESTED_BY);
        if (requestedBy != null) {
            rollback.put("requestedBy", requestedBy.toString());
        }
        return rollback;
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }
}
