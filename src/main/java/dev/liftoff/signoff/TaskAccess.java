package dev.liftoff.signoff;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Shuts a person out of one task with a user-level REVOKE of READ and TASK_WORK. A user's own
 * authorization outranks the grant their group has as candidate, so the task disappears from
 * their Tasklist and completing it over REST answers 403. Why they were shut out is kept on the
 * task ({@code excludedUsers}): its form shows it, and a person who opens the task by its link is
 * told (see {@link TaskRefusals}).
 */
final class TaskAccess {

    private TaskAccess() {
    }

    /** @param reason why, said of the person: "requested this release" */
    static void shutOut(DelegateTask task, String userId, String reason) {
        revoke(task.getProcessEngineServices().getAuthorizationService(), task.getId(), userId);
        task.setVariableLocal(Vars.EXCLUDED_USERS, withExclusion(JsonVars.read(task, Vars.EXCLUDED_USERS), userId, reason));
    }

    /** the same, for a task other than the one whose listener runs */
    static void shutOut(ProcessEngineServices engine, String taskId, String userId, String reason) {
        revoke(engine.getAuthorizationService(), taskId, userId);
        TaskService tasks = engine.getTaskService();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            TypedValue existing = tasks.getVariableLocalTyped(taskId, Vars.EXCLUDED_USERS, false);
            JsonNode known = existing == null ? JsonVars.MAPPER.nullNode() : JsonVars.readValue(existing);
            tasks.setVariableLocal(taskId, Vars.EXCLUDED_USERS, withExclusion(known, userId, reason));
            return null;
        });
    }

    private static Object withExclusion(JsonNode known, String userId, String reason) {
        ArrayNode list = JsonVars.MAPPER.createArrayNode();
        if (known.isArray()) {
            for (JsonNode exclusion : known) {
                if (exclusion.path("user").asText().equals(userId)) {
                    return JsonVars.json(known);
                }
                list.add(exclusion);
            }
        }
        list.addObject().put("user", userId).put("reason", reason);
        return JsonVars.json(list);
    }

    private static void revoke(AuthorizationService authorizations, String taskId, String userId) {
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
