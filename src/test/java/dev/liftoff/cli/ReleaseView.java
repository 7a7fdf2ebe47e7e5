package dev.liftoff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One release view of the contract ({@code GET /api/releases/{id}}), as a test scripts it:
 * immutable, each step of a release derived from the one before.
 */
record ReleaseView(String id, String service, String version, String state, String stage,
                   Environment staging, Environment production, List<Task> openTasks,
                   String outcome, String outcomeReason, String revision) {

    static final String ID = "7f3c0e2a-5b1d-11ef-9c4a-0242ac120002";

    record Environment(Boolean verified, String summary) {
        static final Environment NOT_YET = new Environment(null, null);
    }

    /** An open user task; its link is made from the server's address. */
    record Task(String id, String name, List<String> groups, List<String> users) {

        static Task forGroup(String id, String name, String group) {
            return new Task(id, name, List.of(group), List.of());
        }
    }

    /** A release of study-api 1.2.3 that just started. */
    static ReleaseView started() {
        return new ReleaseView(ID, "study-api", "1.2.3", "RUNNING", "pre-deployment checks",
                Environment.NOT_YET, Environment.NOT_YET, List.of(), null, null, null);
    }

    ReleaseView withId(String id) {
        return new ReleaseView(id, service, version, state, stage, staging, production, openTasks, outcome, outcomeReason, revision);
    }

    ReleaseView running(String stage) {
        return new ReleaseView(id, service, version, "RUNNING", stage, staging, production, List.of(), null, null, revision);
    }

    ReleaseView waitingFor(String stage, Task... tasks) {
        return new ReleaseView(id, service, version, "WAITING_FOR_APPROVAL", stage, staging, production, List.of(tasks), null, null, revision);
    }

    ReleaseView staging(Boolean verified, String summary) {
        return new ReleaseView(id, service, version, state, stage, new Environment(verified, summary), production, openTasks, outcome, outcomeReason, revision);
    }

    ReleaseView production(Boolean verified, String summary) {
        return new ReleaseView(id, service, version, state, stage, staging, new Environment(verified, summary), openTasks, outcome, outcomeReason, revision);
    }

    /** The release ended: RELEASED, REJECTED, ROLLED_BACK or FAILED. */
    ReleaseView ended(String outcome, String reason) {
        return new ReleaseView(id, service, version, outcome, "closed", staging, production, List.of(), outcome, reason, revision);
    }

    ReleaseView withRevision(String revision) {
        return new ReleaseView(id, service, version, state, stage, staging, production, openTasks, outcome, outcomeReason, revision);
    }

    static String taskLink(String baseUrl, String taskId) {
        return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    ObjectNode toJson(ObjectMapper json, String baseUrl) {
        ObjectNode view = json.createObjectNode();
        view.put("id", id);
        view.put("businessKey", service + "@" + version);
        view.put("service", service);
        view.put("version", version);
        view.put("commitSha", "c0ffee1234abcd");
        view.put("requestedBy", "erin");
        view.put("startedBy", "ci-bot");
        view.put("startedAt", "2026-03-02T10:15:30Z");
        if (outcome == null) {
            view.putNull("endedAt");
        } else {
            view.put("endedAt", "2026-03-02T11:15:30Z");
        }
        view.put("state", state);
        view.put("stage", stage);
        ObjectNode environments = view.putObject("environments");
        environment(environments.putObject("staging"), staging);
        environment(environments.putObject("production"), production);
        ArrayNode tasks = view.putArray("openTasks");
        for (Task task : openTasks) {
            ObjectNode node = tasks.addObject();
            node.put("id", task.id());
            node.put("name", task.name());
            node.put("taskKey", "UserTask_" + task.id());
            task.groups().forEach(node.putArray("groups")::add);
            task.users().forEach(node.putArray("users")::add);
            if (task.users().isEmpty()) {
                node.putArray("users");
            }
            node.put("created", "2026-03-02T10:16:00Z");
            node.put("due", "2026-03-03T10:16:00Z");
            node.put("link", taskLink(baseUrl, task.id()));
        }
        view.putArray("approvals").addObject()
                .put("stage", "go-no-go").put("role", "release-managers").put("user", "rita")
                .put("decision", "GO").put("comment", "all green, \"ship it\"");
        view.put("outcome", outcome);
        view.put("outcomeReason", outcomeReason);
        view.put("revision", revision);
        ObjectNode links = view.putObject("links");
        links.put("self", baseUrl + "/api/releases/" + id);
        links.put("cockpit", baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + id);
        links.put("tasklist", baseUrl + "/camunda/app/tasklist/default/");
        links.put("report", baseUrl + "/api/releases/" + id + "/report");
        links.put("events", baseUrl + "/api/releases/" + id + "/events");
        return view;
    }

    private static void environment(ObjectNode node, Environment environment) {
        if (environment.verified() == null) {
            node.putNull("verified");
        } else {
            node.put("verified", environment.verified());
        }
        node.put("summary", environment.summary());
    }
}
