package dev.liftoff.analysis;

import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Hands inconclusive analyses to a person: what the decision's form shows
 * ({@code inconclusiveAnalyses}) and when it is due. Missing data is a risk someone must accept or
 * refuse by name, quickly: the release waits on it.
 */
public final class MetricDecisions {

    /** how soon an inconclusive measurement must be decided: it holds the release or a trigger's watch */
    public static final Duration DUE = Duration.ofHours(1);

    private MetricDecisions() {
    }

    /** one row of the decision's table */
    public static Map<String, Object> row(String analysis, String where, String detail, String query, Object graphUrl) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("analysis", analysis);
        row.put("where", where);
        row.put("detail", detail);
        row.put("query", query);
        row.put("graphUrl", graphUrl == null ? "" : graphUrl.toString());
        return row;
    }

    /** the rows of every inconclusive result */
    public static List<Map<String, Object>> rows(List<AnalysisResult> results) {
        return results.stream().filter(result -> result.verdict() == Verdict.INCONCLUSIVE)
                .map(result -> row(result.name(), where(result), result.summary(), result.query(), result.graphUrl()))
                .toList();
    }

    private static String where(AnalysisResult result) {
        return switch (result.use()) {
            case VERIFICATION -> "verification";
            case MONITORING -> "monitoring tick";
            case ROLLBACK_TRIGGER -> "rollback trigger";
        };
    }

    /** asks: sets what the form shows and the due date, on the scope the decision's task belongs to */
    public static void ask(DelegateExecution scope, List<Map<String, Object>> rows, boolean local) {
        Date due = Date.from(ClockUtil.getCurrentTime().toInstant().plus(DUE));
        if (local) {
            scope.setVariableLocal(Vars.INCONCLUSIVE_ANALYSES, JsonVars.json(rows));
            scope.setVariableLocal(Vars.METRICS_DECISION_DUE_AT, due);
            // the decision's output lands here, in this watch, not in a sibling's
            scope.setVariableLocal(Vars.METRICS_DECISION, null);
        } else {
            JsonVars.write(scope, Vars.INCONCLUSIVE_ANALYSES, rows);
            scope.setVariable(Vars.METRICS_DECISION_DUE_AT, due);
        }
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
