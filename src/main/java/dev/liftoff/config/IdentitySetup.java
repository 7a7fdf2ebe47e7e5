package dev.liftoff.config;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import dev.liftoff.process.Groups;
import dev.liftoff.process.ProcessKeys;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the public contract, the admin, what each group may do, and a Tasklist filter
 * per group. Idempotent: it runs at every start and adds only what is missing.
 */
@Component
@Order(10)
public class IdentitySetup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.RELEASE_MANAGERS, "Release managers",
            Groups.UAT_TESTERS, "UAT testers",
            Groups.ENGINEERING_LEADS, "Engineering leads",
            Groups.SECURITY_LEADS, "Security leads",
            Groups.OPERATIONS, "Operations",
            Groups.PRODUCT_OWNERS, "Product owners",
            Groups.CI, "CI pipelines");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AdminProperties admin;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, LiftoffProperties properties) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.admin = properties.admin();
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
        ensureAdmin();

        for (String group : GROUP_NAMES.keySet()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        // CI starts releases and reads them, nothing else
        grant(Groups.CI, Resources.PROCESS_DEFINITION, ProcessKeys.RELEASE_LIFECYCLE,
                Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY);
        grant(Groups.CI, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, Permissions.READ);
        // approvers see what they decide on; their tasks come from candidate-group grants
        for (String group : Groups.APPROVERS) {
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            addTasklistFilter(group);
        }
        addNamedTaskFilter();
        // operations and release managers watch every release and may roll one back
        for (String group : List.of(Groups.OPERATIONS, Groups.RELEASE_MANAGERS)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, ProcessInstancePermissions.UPDATE);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void ensureAdmin() {
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", "SYSTEM");
        // membership alone grants nothing: the admin group needs ALL on every resource
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        User user = identityService.createUserQuery().userId(admin.user()).singleResult();
        if (user == null) {
            user = identityService.newUser(admin.user());
            user.setFirstName("Liftoff");
            user.setLastName("Admin");
            user.setPassword(admin.password());
            identityService.saveUser(user);
            LOG.info("created admin user '{}'", admin.user());
        } else if (!identityService.checkPassword(admin.user(), admin.password())) {
            user.setPassword(admin.password());
            identityService.saveUser(user);
            LOG.info("updated the password of admin user '{}' from the environment", admin.user());
        }
        ensureMembership(admin.user(), Groups.CAMUNDA_ADMIN);
    }

    public void ensureMembership(String user, String group) {
        if (identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identityService.createMembership(user, group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void addTasklistFilter(String group) {
        saveFilter(group, GROUP_NAMES.get(group) + ": open tasks",
                "Open release tasks for " + GROUP_NAMES.get(group) + ", earliest due first", taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().orderByDueDate().asc());
    }

    /**
     * UAT testers named by id ({@code uat.testers}) are candidates by name, not through their
     * group, so the group's filter does not show their tasks: this one shows the tasks offered to
     * whoever is signed in by name.
     */
    private void addNamedTaskFilter() {
        saveFilter(Groups.UAT_TESTERS, GROUP_NAMES.get(Groups.UAT_TESTERS) + ": named for me",
                "UAT tasks offered to you by name, earliest due first",
                taskService.createTaskQuery().taskCandidateUserExpression("${currentUser()}").withCandidateUsers()
                        .includeAssignedTasks().orderByDueDate().asc());
    }

    private void saveFilter(String group, String name, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
            filter.setOwner(admin.user());
            filter.setQuery(query);
        }
        // Tasklist expects every property it renders, "variables" included
        filter.setProperties(Map.of(
                "description", description,
                "priority", 10,
                "color", "#b5152b",
                "refresh", true,
                "showUndefinedVariable", false,
                "variables", List.of()));
        filterService.saveFilter(filter);
        grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
