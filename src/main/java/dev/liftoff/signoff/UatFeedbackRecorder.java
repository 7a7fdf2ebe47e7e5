package dev.liftoff.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.Actors;
import dev.liftoff.process.Decisions;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Checks a tester's UAT form on the server and records it: in the UAT instance for the pass
 * rule, and on the root for the report and the audit trail.
 */
@Component("uatFeedbackRecorder")
public class UatFeedbackRecorder implements TaskListener {

    static final Set<String> SEVERITIES = Set.of("Sev-1", "Sev-2", "Sev-3", "Sev-4");

    @Override
    public void notify(DelegateTask task) {
        Decision decision = Decision.read(task, Set.of(Decisions.GO, Decisions.NO_GO), Decisions.NO_GO);
        String tester = Actors.require(task);
        List<String> scenarios = textValues(JsonVars.read(task.getExecution(), Vars.UAT_SCENARIOS), "value");
        List<String> passed = textValues(JsonVars.read(task, Vars.SCENARIOS_PASSED), null);
        List<String> failed = scenarios.stream().filter(s -> !passed.contains(s)).toList();
        UatFeedback feedback = new UatFeedback(tester, decision.value(), confidence(task), passed, failed,
                issues(JsonVars.read(task, Vars.ISSUES)), decision.comment(), Instant.now().toString());

        DelegateExecution uat = task.getExecution().getProcessInstance();
        JsonVars.append(uat, Vars.UAT_FEEDBACK, feedback);
        DelegateExecution root = RootInstance.of(task);
        if (!root.getId().equals(uat.getId())) { // UAT run alone is its own root: record the feedback once
            JsonVars.append(root, Vars.UAT_FEEDBACK, feedback);
        }
        Approvals.append(task, Approvals.UAT, task.getExecution().getVariable(Vars.UAT_GROUP).toString(), tester,
                decision.value(), decision.comment());
    }

    private static int confidence(DelegateTask task) {
        Object value = task.getVariable(Vars.CONFIDENCE);
        try {
            int confidence = value == null ? 0 : (int) Double.parseDouble(value.toString());
            if (confidence >= 1 && confidence <= 5) {
                return confidence;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new BadUserRequestException("confidence must be a whole number from 1 to 5 (got " + value + ")");
    }

    private static List<UatFeedback.Issue> issues(JsonNode submitted) {
        List<UatFeedback.Issue> issues = new ArrayList<>();
        for (JsonNode issue : submitted) {
            String severity = issue.path("severity").asText();
            String description = issue.path("description").asText("").trim();
            if (!SEVERITIES.contains(severity)) {
                throw new BadUserRequestException("each issue needs a severity of Sev-1 to Sev-4 (got '" + severity + "')");
            }
            if (description.isEmpty()) {
                throw new BadUserRequestException("each issue needs a description");
            }
            issues.add(new UatFeedback.Issue(severity, description));
        }
        return issues;
    }

    private static List<String> textValues(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText())
                .toList();
    }
}
