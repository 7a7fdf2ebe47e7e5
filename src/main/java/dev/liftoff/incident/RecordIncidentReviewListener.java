package dev.liftoff.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.Actors;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Checks the post-incident review on the server (REST callers skip the form) and records it on
 * the incident as {@code incidentReview}.
 */
@Component("recordIncidentReview")
public class RecordIncidentReviewListener implements TaskListener {

    static final int MAX_TEXT = 2000;

    @Override
    public void notify(DelegateTask task) {
        String reviewer = Actors.require(task);
        String rootCause = text(task.getVariable(Vars.ROOT_CAUSE));
        if (rootCause == null) {
            throw new BadUserRequestException("a root cause is required: say what made the release fail");
        }
        IncidentReview review = new IncidentReview(rootCause, followUps(JsonVars.read(task, Vars.FOLLOW_UPS)),
                text(task.getVariable(Vars.COMMENT)), reviewer, ClockUtil.getCurrentTime().toInstant().toString());
        JsonVars.write(task.getExecution().getProcessInstance(), Vars.INCIDENT_REVIEW, review);
    }

    /** the form's dynamic list submits [{"action": "..."}]; plain strings are accepted from REST too */
    private static List<String> followUps(JsonNode submitted) {
        List<String> actions = new ArrayList<>();
        for (JsonNode item : submitted) {
            String action = text(item.isTextual() ? item.asText() : item.path("action").asText(null));
            if (action == null) {
                throw new BadUserRequestException("each follow-up needs a text: say what will be done");
            }
            actions.add(action);
        }
        return actions;
    }

    private static String text(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > MAX_TEXT) {
            throw new BadUserRequestException("keep each text under " + MAX_TEXT + " characters (got " + text.length() + ")");
        }
        return text;
    }
}
