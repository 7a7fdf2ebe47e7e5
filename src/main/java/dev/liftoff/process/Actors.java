package dev.liftoff.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting on a task: the authenticated caller, else the assignee. */
public final class Actors {

    private Actors() {
    }

    public static String of(DelegateTask task) {
        String caller = caller(task);
        if (caller != null) {
            return caller;
        }
        return task.getAssignee();
    }

    public static String caller(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public static String require(DelegateTask task) {
        String actor = of(task);
        if (actor == null) {
            throw new org.camunda.bpm.engine.BadUserRequestException(
                    "complete this task as an authenticated user or claim it first: Liftoff records who decided");
        }
        return actor;
    }
}
