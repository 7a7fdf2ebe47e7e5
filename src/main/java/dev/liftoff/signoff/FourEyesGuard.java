package dev.liftoff.signoff;

import dev.liftoff.process.Groups;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * First line of the four-eyes rule. When a sign-off task is created, everyone excluded from it
 * loses access to it. When it is assigned, the assignee must be allowed to sign and must be the
 * person claiming: a candidate may not claim the task for somebody else.
 */
@Component("fourEyesGuard")
public class FourEyesGuard implements TaskListener {

    private final IdentityService identityService;

    public FourEyesGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // the form lists who is shut out, even when nobody is
            task.setVariableLocal(Vars.EXCLUDED_USERS, JsonVars.json(List.of()));
            FourEyes.excludedFrom(task).forEach((user, why) -> TaskAccess.shutOut(task, user, why));
        } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
            checkAssignee(task);
        }
    }

    private void checkAssignee(DelegateTask task) {
        String assignee = task.getAssignee();
        Map<String, String> excluded = FourEyes.excludedFrom(task);
        if (excluded.containsKey(assignee)) {
            throw new BadUserRequestException(assignee + " may not sign this go-live: " + assignee + " "
                    + excluded.get(assignee) + " (four-eyes rule)");
        }
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller != null && !caller.getUserId().equals(assignee) && !isAdmin(caller)) {
            throw new BadUserRequestException(caller.getUserId() + " may claim this sign-off only for themselves, not for "
                    + assignee);
        }
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }
}
