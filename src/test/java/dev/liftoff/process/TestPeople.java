package dev.liftoff.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Camunda users for a process test, each a member of a group and reachable at
 * {@code <id>@example.com}. {@link #remove()} takes away the users and the groups this added, so
 * that no test class depends on what another left in the engine's identity tables.
 */
final class TestPeople {

    private final IdentityService identity;
    private final Set<String> usersAdded = new LinkedHashSet<>();
    private final List<String> groupsAdded = new ArrayList<>();

    TestPeople(IdentityService identity) {
        this.identity = identity;
    }

    TestPeople member(String userId, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
            groupsAdded.add(groupId);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setEmail(userId + "@example.com");
            identity.saveUser(user);
            usersAdded.add(userId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
        return this;
    }

    void remove() {
        usersAdded.forEach(identity::deleteUser);
        groupsAdded.forEach(identity::deleteGroup);
        usersAdded.clear();
        groupsAdded.clear();
    }
}
