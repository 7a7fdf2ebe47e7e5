package dev.liftoff.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment report of a release, as people read it, from the {@code releaseSummary} the
 * closure stored (see {@link ReleaseSummaryService}): outcome, request, stages with their times,
 * the evidence of every check, approvals, UAT feedback, monitoring windows, rollback, incidents.
 */
public final class SummaryReport {

    private SummaryReport() {
    }

    /** @param extra facts the summary does not hold (e.g. links), shown under the request */
    public static ReportDocument of(JsonNode summary, Map<String, String> extra) {
        ReportDocument report = new ReportDocument("Release " + summary.path("release").asText() + ": "
                + summary.path("outcome").asText("no outcome"));
        report.paragraph(summary.path("outcomeReason").asText(null));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Service", text(summary, "service"));
        facts.put("Version", text(summary, "version"));
        facts.put("Commit", text(summary, "commitSha"));
        facts.put("Requested by", text(summary, "requestedBy"));
        facts.put("Started by", text(summary, "startedBy"));
        facts.put("Outcome", text(summary, "outcome"));
        facts.putAll(extra);
        report.facts(facts);
        stages(report, summary.path("stages"));
        checks(report, summary.path("checks"));
        analyses(report, summary.path("analyses"), summary.path("metricDecisions"));
        approvals(report, summary.path("approvals"));
        uat(report, summary.path("uat"));
        monitoring(report, summary.path("monitoring"));
        rollback(report, summary.path("rollback"));
        incidents(report, summary.path("incidents"));
        return report;
    }

    public static void stages(ReportDocument report, JsonNode stages) {
        report.heading("Stages");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode stage : stages) {
            rows.add(List.of(stage.path("name").asText(), text(stage, "startedAt"), text(stage, "endedAt"),
                    stage.has("durationMs") ? duration(stage.path("durationMs").asLong()) : "", stage.path("state").asText()));
        }
        report.table(List.of("Stage", "Started", "Ended", "Duration", "State"), rows, "No stage has started.");
    }

    public static void approvals(ReportDocument report, JsonNode approvals) {
        report.heading("Approvals");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode approval : approvals) {
            rows.add(List.of(approval.path("stage").asText(), approval.path("role").asText(), approval.path("user").asText(),
                    approval.path("decision").asText(), text(approval, "comment"), text(approval, "at")));
        }
        report.table(List.of("Stage", "Role", "User", "Decision", "Comment", "At"), rows, "No decision yet.");
    }

    public static void incidents(ReportDocument report, JsonNode incidents) {
        if (!incidents.isArray() || incidents.isEmpty()) {
            return;
        }
        report.heading("Release incidents");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode incident : incidents) {
            rows.add(List.of(incident.path("severity").asText(), incident.path("title").asText(), text(incident, "raisedAt"),
                    incident.path("drill").asBoolean() ? "drill" : ""));
        }
        report.table(List.of("Severity", "Title", "Raised", "Drill"), rows, "");
    }

    private static void checks(ReportDocument report, JsonNode checks) {
        report.heading("Checks");
        List<List<String>> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = checks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode check = entry.getValue();
            rows.add(List.of(entry.getKey(), check.path("passed").asBoolean() ? "passed" : "FAILED",
                    check.path("checksPassed").asText(), check.path("checksFailed").asText(), check.path("summary").asText()));
            for (JsonNode failure : check.path("failures")) {
                failures.add(entry.getKey() + ": " + failure.asText());
            }
        }
        report.table(List.of("Evidence", "Result", "Checks passed", "Checks failed", "Summary"), rows, "No check has run.");
        if (!failures.isEmpty()) {
            report.paragraph("Failed checks:");
            report.bullets(failures);
        }
    }

    /** the metric analyses with their queries as sent and graph links, and every decision a person took on missing data */
    public static void analyses(ReportDocument report, JsonNode analyses, JsonNode decisions) {
        if (!analyses.isArray() || analyses.isEmpty()) {
            return;
        }
        report.heading("Metric analyses");
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode analysis : analyses) {
            rows.add(List.of(analysis.path("environment").asText(), analysis.path("name").asText(), analysis.path("where").asText(),
                    analysis.path("verdict").asText(), text(analysis, "detail"), text(analysis, "condition"), text(analysis, "query"),
                    text(analysis, "graphUrl")));
        }
        report.table(List.of("Environment", "Analysis", "Where", "Verdict", "Measured", "Passes when", "Query as sent", "Graph"), rows, "");
        List<String> decided = new ArrayList<>();
        for (JsonNode decision : decisions) {
            decided.add(decision.path("environment").asText() + " " + decision.path("where").asText() + ": "
                    + decision.path("by").asText() + " chose " + decision.path("decision").asText() + " on inconclusive "
                    + join(decision.path("analyses")) + " at " + decision.path("at").asText() + ": " + decision.path("comment").asText());
        }
        report.bullets(decided);
    }

    private static void uat(ReportDocument report, JsonNode uat) {
        if (!uat.isObject() || !uat.has("passed") && uat.path("feedback").isEmpty()) {
            return;
        }
        report.heading("User acceptance test");
        report.paragraph(uat.has("passed") ? (uat.path("passed").asBoolean() ? "Passed" : "Failed")
                + (uat.has("verdict") ? ": " + uat.path("verdict").asText() : "") : null);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode feedback : uat.path("feedback")) {
            List<String> issues = new ArrayList<>();
            for (JsonNode issue : feedback.path("issues")) {
                issues.add(issue.path("severity").asText() + " " + issue.path("description").asText());
            }
            rows.add(List.of(feedback.path("tester").asText(), feedback.path("decision").asText(),
                    feedback.path("confidence").asText(), join(feedback.path("scenariosFailed")), String.join("; ", issues),
                    text(feedback, "comment")));
        }
        report.table(List.of("Tester", "Decision", "Confidence", "Failed scenarios", "Issues", "Comment"), rows, "No feedback.");
    }

    private static void monitoring(ReportDocument report, JsonNode monitoring) {
        if (!monitoring.isObject() || monitoring.isEmpty()) {
            return;
        }
        report.heading("Monitoring windows");
        List<List<String>> rows = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = monitoring.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode window = entry.getValue();
            rows.add(List.of(entry.getKey(), window.path("schedule").asText(), window.path("status").asText(),
                    window.path("ticksPassed").asText() + " of " + window.path("ticks").asText()));
            for (JsonNode tick : window.path("failedTicks")) {
                failed.add(entry.getKey() + " tick at " + tick.path("at").asText() + ": " + failedChecks(tick));
            }
            if (window.has("cutShort")) {
                JsonNode cut = window.path("cutShort");
                failed.add(entry.getKey() + " cut short by " + cut.path("by").asText() + " at " + cut.path("at").asText() + ": "
                        + cut.path("reason").asText());
            }
            if (window.has("stoppedBecause")) {
                failed.add(entry.getKey() + " stopped: " + text(window, "stoppedBecause"));
            }
        }
        report.table(List.of("Environment", "Schedule", "Status", "Ticks passed"), rows, "");
        report.bullets(failed);
    }

    private static String failedChecks(JsonNode tick) {
        List<String> names = new ArrayList<>();
        tick.path("failed").forEach(check -> names.add(check.asText()));
        return names.isEmpty() ? "stopped" : String.join("; ", names);
    }

    private static void rollback(ReportDocument report, JsonNode rollback) {
        if (!rollback.isObject()) {
            return;
        }
        report.heading("Rollback");
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Trigger", text(rollback, "trigger"));
        facts.put("Requested by", text(rollback, "requestedBy"));
        JsonNode restored = rollback.path("restored");
        if (restored.isObject()) {
            facts.put("Restored", restored.path("version").asText("") + " " + restored.path("commitSha").asText(""));
        }
        report.facts(facts);
    }

    private static String join(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(item.asText()));
        return String.join(", ", items);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    static String duration(long millis) {
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min " + seconds % 60 + " s";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
