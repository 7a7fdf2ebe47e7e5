package dev.liftoff.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;

/**
 * Whom a task's mail goes to: the members of the given groups and the given users, by the email in
 * Camunda's identity service, leaving out whoever the four-eyes rule excludes from the task (a
 * user-level REVOKE on it) and anybody without an email address.
 */
final class TaskAudience {

    private TaskAudience() {
    }

    static List<String> emails(ProcessEngineServices engine, String taskId, Collection<String> groups, Collection<String> users) {
        Set<String> excluded = engine.getAuthorizationService().createAuthorizationQuery()
                .resourceType(Resources.TASK).resourceId(taskId).authorizationType(Authorization.AUTH_TYPE_REVOKE).list().stream()
                .map(Authorization::getUserId).filter(user -> user != null).collect(Collectors.toSet());
        Set<User> people = new LinkedHashSet<>();
        groups.forEach(group -> people.addAll(engine.getIdentityService().createUserQuery().memberOfGroup(group).list()));
        users.forEach(user -> people.addAll(engine.getIdentityService().createUserQuery().userId(user).list()));
        return people.stream()
                .filter(user -> !excluded.contains(user.getId()))
                .map(User::getEmail)
                .filter(email -> email != null && !email.isBlank())
                .distinct()
                .toList();
    }
}
