package dev.liftoff.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The metric analyses of a release, one row each, as the release view, the report and the mail
 * show them: read from an environment's {@code <environment>Verification} (the analyses of its
 * verification) and {@code <environment>MetricTriggers} (its rollback triggers).
 */
public final class AnalysisEvidence {

    private AnalysisEvidence() {
    }

    /** {environment, name, where, verdict, value, condition, query, detail, graphUrl} per analysis of the environment */
    public static List<Map<String, Object>> rows(String environment, JsonNode verification, JsonNode triggers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode check : verification.path("checks")) {
            JsonNode analysis = check.path("analysis");
            if (analysis.isObject()) {
                rows.add(row(environment, analysis.path("name").asText(), "verification", analysis.path("verdict").asText(),
                        analysis.get("value"), analysis.path("condition").asText(), analysis.path("query").asText(), check.path("actual").asText(),
                        analysis.path("graphUrl").asText(null)));
            }
        }
        if (triggers.isObject()) {
            triggers.fields().forEachRemaining(trigger -> {
                JsonNode watch = trigger.getValue();
                JsonNode last = watch.path("last");
                rows.add(row(environment, trigger.getKey(), "rollback trigger", watch.path("state").asText(), last.get("value"),
                        watch.path("condition").asText(), watch.path("query").asText(), last.path("detail").asText(),
                        last.path("graphUrl").asText(null)));
            });
        }
        return rows;
    }

    /** one line per row, for a mail: "production error-rate (verification): passed: 0.01; result < 0.05; graph: …" */
    public static String lines(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("environment") + " " + row.get("name") + " (" + row.get("where") + "): " + row.get("verdict")
                        + (row.get("detail") == null || row.get("detail").toString().isBlank() ? "" : ": " + row.get("detail"))
                        + (row.get("graphUrl") == null ? "" : "; graph: " + row.get("graphUrl")))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, Object> row(String environment, String name, String where, String verdict, JsonNode value, String condition,
            String query, String detail, String graphUrl) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("environment", environment);
        row.put("name", name);
        row.put("where", where);
        row.put("verdict", verdict);
        row.put("value", value == null || !value.isNumber() ? null : value.asDouble());
        row.put("condition", condition);
        row.put("query", query);
        row.put("detail", detail);
        row.put("graphUrl", graphUrl);
        return row;
    }
}
