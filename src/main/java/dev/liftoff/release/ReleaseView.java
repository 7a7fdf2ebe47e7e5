package dev.liftoff.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A release as {@code /api/releases} shows it: the request, where it stands, what it waits for,
 * the evidence and decisions so far, and how it ended. Built from the engine's runtime and history
 * by {@link ReleaseViews}. Members without a value are {@code null}, never left out.
 *
 * @param state    {@link ReleaseState}: running, waiting for a person, or the outcome once it ended
 * @param stage    where the release stands, in words (e.g. {@code UAT and staging monitoring})
 * @param revision changes whenever anything else a client watches changes; opaque
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReleaseView(
        String id,
        String businessKey,
        String service,
        String version,
        String commitSha,
        String requestedBy,
        String startedBy,
        String commitTime,
        String notes,
        Instant startedAt,
        Instant endedAt,
        ReleaseState state,
        @Schema(description = "where the release stands, in words", example = "UAT and staging monitoring")
        String stage,
        Map<String, EnvironmentStatus> environments,
        List<OpenTask> openTasks,
        @Schema(description = "one-line summary per evidence: readiness, staging, production, rollback")
        Map<String, String> checks,
        @ArraySchema(arraySchema = @Schema(description = "every decision so far: stage, role, user, decision, comment, at"),
                schema = @Schema(type = "object"))
        JsonNode approvals,
        @ArraySchema(arraySchema = @Schema(description = "release incidents raised: incidentId, severity, title, raisedAt, drill"),
                schema = @Schema(type = "object"))
        JsonNode incidents,
        @ArraySchema(arraySchema = @Schema(description = "metric analyses of the verifications and the rollback triggers: environment, "
                + "name, where, verdict, value, condition, query (as sent), detail, graphUrl"), schema = @Schema(type = "object"))
        JsonNode analyses,
        @ArraySchema(arraySchema = @Schema(description = "decisions on inconclusive metrics: environment, where, analyses, decision "
                + "(CARRY_ON or STOP), by, at, comment"), schema = @Schema(type = "object"))
        JsonNode metricDecisions,
        String outcome,
        String outcomeReason,
        @Schema(description = "changes whenever the state, stage, open tasks, environments, checks, approvals or outcome change; "
                + "pass it to events as 'after'")
        String revision,
        Links links) {

    /** whether an environment's verification passed ({@code null}: not verified yet) and its one-line summary */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EnvironmentStatus(Boolean verified, String summary) {
    }

    /** a user task of the release waiting for a person, with its Tasklist link */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OpenTask(String id, String name, String taskKey, List<String> groups, List<String> users,
            String assignee, Instant created, Instant due, String link) {
    }

    /** {@code self}, {@code report} and {@code events} are paths of this API; {@code cockpit} and {@code tasklist} open the webapps */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Links(String self, String cockpit, String tasklist, String report, String events) {
    }

    public boolean running() {
        return endedAt == null;
    }
}
