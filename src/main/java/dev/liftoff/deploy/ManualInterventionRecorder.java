package dev.liftoff.deploy;

import dev.liftoff.process.Decisions;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Records what operations did after a failed rollback, checked on the server as the form checks
 * it (REST callers skip the browser): what they did is required, and "production is restored and
 * verified" is a yes or a no. Only a yes makes the rollback verified; the person's word is kept
 * with their name in {@code manualIntervention} and in the summary, never passed off as Liftoff's
 * own proof.
 */
@Component("manualInterventionRecorder")
public class ManualInterventionRecorder implements TaskListener {

    private static final Set<String> ANSWERS = Set.of(Decisions.YES, Decisions.NO);

    @Override
    public void notify(DelegateTask task) {
        Object actions = task.getVariable(Vars.INTERVENTION_ACTIONS);
        String did = actions == null ? "" : actions.toString().trim();
        if (did.isEmpty()) {
            throw new BadUserRequestException("interventionActions is required: say what you did to production");
        }
        Object answer = task.getVariable(Vars.PRODUCTION_RESTORED);
        if (answer == null || !ANSWERS.contains(answer.toString())) {
            throw new BadUserRequestException("productionRestored must be one of " + ANSWERS + " (got " + answer + ")");
        }
        boolean restored = Decisions.YES.equals(answer.toString());
        String by = actor(task);

        Map<String, Object> intervention = new LinkedHashMap<>();
        intervention.put("by", by);
        intervention.put("at", Instant.now().toString());
        intervention.put("actions", did);
        intervention.put("restored", restored);
        DelegateExecution rollback = task.getExecution().getProcessInstance();
        JsonVars.write(rollback, Vars.MANUAL_INTERVENTION, intervention);
        rollback.setVariable(Vars.ROLLBACK_VERIFIED, restored);
        rollback.setVariable(Vars.ROLLBACK_SUMMARY, rollback.getVariable(Vars.ROLLBACK_FAILURE)
                + " Manual intervention by " + by + ": " + did + (restored
                        ? " — " + by + " confirmed that production is restored and verified."
                        : " — production is not restored."));
    }

    /** the authenticated caller, else the assignee; Liftoff records who stepped in */
    private static String actor(DelegateTask task) {
        Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String actor = caller != null ? caller.getUserId() : task.getAssignee();
        if (actor == null) {
            throw new BadUserRequestException(
                    "complete this task as an authenticated user or claim it first: Liftoff records who stepped in");
        }
        return actor;
    }
}
