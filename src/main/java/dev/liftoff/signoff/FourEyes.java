package dev.liftoff.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The four-eyes rule of go-live sign-offs: neither the person who requested the release nor the
 * caller who started it may sign, nobody signs for two roles, and, unless the service lets them
 * ({@code signoff.uat-tester-may-sign}), nobody who tested the release in UAT signs it.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** user id → why that user may not sign this task */
    public static Map<String, String> excludedFrom(DelegateTask task) {
        DelegateExecution root = RootInstance.of(task);
        Map<String, String> excluded = new LinkedHashMap<>();
        exclude(excluded, root.getVariable(Vars.REQUESTED_BY), "requested this release");
        exclude(excluded, root.getVariable(Vars.STARTED_BY), "started this release");
        if (!Boolean.TRUE.equals(task.getVariable(Vars.UAT_TESTER_MAY_SIGN))) {
            String because = "tested this release in UAT (" + root.getVariable(Vars.SERVICE) + " does not let UAT testers sign)";
            UatTesters.whoGaveFeedback(root).forEach(tester -> exclude(excluded, tester, because));
        }
        String role = (String) task.getVariable(Vars.ROLE);
        for (JsonNode signature : Approvals.goLiveSignatures(task.getExecution())) {
            if (!signature.path("role").asText().equals(role)) {
                exclude(excluded, signature.path("user").asText(null),
                        "already signed for " + signature.path("role").asText());
            }
        }
        return excluded;
    }

    private static void exclude(Map<String, String> excluded, Object user, String why) {
        if (user != null && !user.toString().isBlank()) {
            excluded.putIfAbsent(user.toString(), why);
        }
    }
}
