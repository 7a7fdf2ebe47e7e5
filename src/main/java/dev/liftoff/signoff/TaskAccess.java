package dev.liftoff.signoff;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Shuts a person out of one task with a user-level REVOKE of READ and TASK_WORK. A user's own
 * authorization outranks the grant their group has as candidate, so the task disappears from
 * their Tasklist and completing it over REST answers 403.
 */
final class TaskAccess {

    private TaskAccess() {
    }

    static void revoke(AuthorizationService authorizations, String taskId, String userId) {
        // runs inside the caller's command: the caller may not manage authorizations itself
        Context.getCommandContext().runWithoutAuthorization(() -> {
            boolean alreadyRevoked = authorizations.createAuthorizationQuery()
                    .authorizationType(AUTH_TYPE_REVOKE).userIdIn(userId)
                    .resourceType(Resources.TASK).resourceId(taskId).count() > 0;
            if (!alreadyRevoked) {
                Authorization revoke = authorizations.createNewAuthorization(AUTH_TYPE_REVOKE);
                revoke.setUserId(userId);
                revoke.setResource(Resources.TASK);
                revoke.setResourceId(taskId);
                revoke.removePermission(Permissions.READ);
                revoke.removePermission(TaskPermissions.TASK_WORK);
                revoke.removePermission(Permissions.UPDATE);
                authorizations.saveAuthorization(revoke);
            }
            return null;
        });
    }
}
