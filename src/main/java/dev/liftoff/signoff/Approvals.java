package dev.liftoff.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The release's audit trail of human decisions: one {@code approvals} list on the root instance.
 * Every decision appends to the same variable, so two sign-offs racing each other are
 * serialised by optimistic locking instead of one overwriting the other.
 */
public final class Approvals {

    public static final String GO_NO_GO = "Go/No-Go";
    public static final String UAT = "UAT";
    public static final String GO_LIVE = "Go-live sign-off";

    private Approvals() {
    }

    public static void append(DelegateTask task, String stage, String role, String user, String decision, String comment) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("stage", stage);
        record.put("role", role);
        record.put("user", user);
        record.put("decision", decision);
        record.put("comment", comment);
        record.put("at", Instant.now().toString());
        record.put("taskId", task.getId());
        JsonVars.append(RootInstance.of(task), Vars.APPROVALS, record);
    }

    /** users who already signed a go-live role of this release, with the role they signed */
    public static List<JsonNode> goLiveSignatures(DelegateExecution anyExecution) {
        JsonNode approvals = JsonVars.read(RootInstance.of(anyExecution), Vars.APPROVALS);
        return StreamSupport.stream(approvals.spliterator(), false)
                .filter(record -> GO_LIVE.equals(record.path("stage").asText()))
                .toList();
    }
}
