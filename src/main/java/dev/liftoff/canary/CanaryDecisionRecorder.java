package dev.liftoff.canary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.Actors;
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
import org.springframework.stereotype.Component;

/**
 * A canary's pause until approved. When the task opens, it is given the canary's steps so far as
 * rows for its form (a form shows only its own instance's variables). When it is completed, the
 * decision is checked as the form checks it (REST callers skip the browser): promote or abort, and
 * a reason for an abort; it is recorded as the step's entry with who decided, and an abort sets the
 * reason the release rolls back with.
 */
@Component("canaryDecisionRecorder")
public class CanaryDecisionRecorder implements TaskListener {

    private static final Set<String> DECISIONS = Set.of(Decisions.PROMOTE, Decisions.ABORT);
    private static final int COMMENT_LIMIT = 2000;

    private final CanarySteps steps;

    public CanaryDecisionRecorder(CanarySteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(Vars.CANARY_ROWS, JsonVars.json(rows(CanaryRecord.read(RootInstance.of(task),
                    (String) task.getVariable(Vars.ENVIRONMENT)))));
            return;
        }
        Object decision = task.getVariable(Vars.CANARY_DECISION);
        if (decision == null || !DECISIONS.contains(decision.toString())) {
            throw new BadUserRequestException(Vars.CANARY_DECISION + " must be one of " + DECISIONS + " (got " + decision + ")");
        }
        String comment = task.getVariable(Vars.CANARY_COMMENT) == null ? "" : task.getVariable(Vars.CANARY_COMMENT).toString().trim();
        boolean abort = Decisions.ABORT.equals(decision.toString());
        if (abort && comment.isEmpty()) {
            throw new BadUserRequestException(Vars.CANARY_COMMENT + " is required to abort: say why the canary is rolled back");
        }
        if (comment.length() > COMMENT_LIMIT) {
            throw new BadUserRequestException(Vars.CANARY_COMMENT + " must be at most " + COMMENT_LIMIT + " characters");
        }
        String by = Actors.require(task);
        String service = (String) task.getVariable(Vars.SERVICE);
        String environment = (String) task.getVariable(Vars.ENVIRONMENT);
        int index = (Integer) task.getVariable(Vars.CANARY_STEP);

        CanaryRecord.decided(RootInstance.of(task), environment, index, steps.step(service, environment, index).describe(), abort, by,
                comment);
        if (abort) {
            task.getExecution().setVariable(Vars.VERIFICATION_ERROR, environment + " canary "
                    + steps.describe(service, environment, index) + " aborted by " + by + ": " + comment);
        }
    }

    /** one row per step that ran: [{step, what, result, summary}] */
    private static List<Map<String, Object>> rows(JsonNode record) {
        List<Map<String, Object>> rows = new ArrayList<>();
        record.path(CanaryRecord.STEPS).forEach(step -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", step.path("step").isNumber() ? step.path("step").asText() : "");
            row.put("what", step.path("what").asText());
            row.put("result", step.path("result").asText());
            row.put("summary", step.path("summary").asText());
            rows.add(row);
        });
        return rows;
    }
}
