package dev.liftoff.fullstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives releases of the demo study-api the way CI and approvers do, over REST: CI starts them,
 * each demo user completes the task of their group as soon as it appears, and the outcome and
 * evidence are read from history.
 */
final class ReleaseDriver {

    static final List<String> SIGNERS = List.of("eli", "sam", "otto", "paula");
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    private final LiftoffClient client;
    private final Duration step;

    /** @param step how long to wait for each next task or the outcome */
    ReleaseDriver(LiftoffClient client, Duration step) {
        this.client = client;
        this.step = step;
    }

    String start(String commitSha, String requestedBy) {
        return start(commitSha, requestedBy, false);
    }

    String start(String commitSha, String requestedBy, boolean drill) {
        return start("study-api", commitSha, requestedBy, drill);
    }

    /** a release of the demo's {@code service}, study-api or study-canary */
    String start(String service, String commitSha, String requestedBy, boolean drill) {
        String version = "2026.12." + VERSIONS.incrementAndGet();
        String businessKey = service + "@" + version;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("service", value(service));
        variables.put("version", value(version));
        variables.put("commitSha", value(commitSha));
        variables.put("requestedBy", value(requestedBy));
        if (drill) {
            variables.put("drill", Map.of("value", true, "type", "Boolean"));
        }
        LiftoffClient.Reply started = client.post("ci-bot", "/engine-rest/process-definition/key/release-lifecycle/start",
                Map.of("businessKey", businessKey, "variables", variables));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return businessKey;
    }

    void approveThroughSignoff(String release) {
        decide(release, "UserTask_GoNoGo", "rita", Map.of("decision", value("GO")));
        approveFromUat(release);
    }

    /** passes the UAT and signs off every role, once the release gets there */
    void approveFromUat(String release) {
        decide(release, "UserTask_Uat", "ursula", uatPass());
        List<String> groups = List.of("engineering-leads", "security-leads", "operations", "product-owners");
        for (int i = 0; i < groups.size(); i++) {
            String task = awaitTaskOf(release, "UserTask_SignOff", SIGNERS.get(i), groups.get(i));
            LiftoffClient.Reply done = client.post(SIGNERS.get(i), "/engine-rest/task/" + task + "/complete",
                    Map.of("variables", Map.of("decision", value("APPROVE"), "comment", value("looks good"))));
            assertThat(done.status()).as(done.body()).isEqualTo(204);
        }
    }

    static Map<String, Object> uatPass() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("scenariosPassed", Map.of("value", "[]", "type", "Json"));
        variables.put("issues", Map.of("value", "[]", "type", "Json"));
        variables.put("confidence", Map.of("value", 4, "type", "Long"));
        variables.put("decision", value("GO"));
        return variables;
    }

    void decide(String release, String taskKey, String user, Map<String, Object> variables) {
        String task = awaitTaskOf(release, taskKey, user, null);
        LiftoffClient.Reply done = client.post(user, "/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    /** the id of the open task that user sees, once the release reaches it */
    String awaitTaskOf(String release, String taskKey, String user, String candidateGroup) {
        String query = "/engine-rest/task?processInstanceBusinessKey=" + release + "&taskDefinitionKey=" + taskKey
                + (candidateGroup == null ? "" : "&candidateGroup=" + candidateGroup);
        return LiftoffClient.await(() -> taskKey + " for " + user + " in " + release + " (outcome by then: " + outcomeSoFar(release) + ")",
                step, () -> {
                    JsonNode tasks = client.get(user, query).json();
                    return tasks.size() > 0 ? tasks.get(0).path("id").asText() : null;
                });
    }

    /** cancels every release still running, e.g. one a test left waiting, so that the next can start */
    void cancelRunningReleases() {
        for (JsonNode instance : client.get("admin", "/engine-rest/process-instance?processDefinitionKey=release-lifecycle").json()) {
            client.delete("admin", "/engine-rest/process-instance/" + instance.path("id").asText() + "?skipCustomListeners=true");
        }
    }

    /** waits until someone else, e.g. bin/liftoff, has started that release */
    void awaitStarted(String release) {
        LiftoffClient.await(release + " to start", step, () -> client.get("admin", "/engine-rest/history/process-instance"
                + "?processInstanceBusinessKey=" + release + "&processDefinitionKey=release-lifecycle").json().size() > 0 ? true : null);
    }

    String outcome(String release) {
        return LiftoffClient.await("the outcome of " + release, step, () -> {
            JsonNode instance = client.get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + release
                    + "&processDefinitionKey=release-lifecycle").json().get(0);
            return "COMPLETED".equals(instance.path("state").asText()) ? text(release, "outcome") : null;
        });
    }

    private String outcomeSoFar(String release) {
        String outcome = text(release, "outcome");
        return outcome == null ? "none" : outcome + ": " + text(release, "outcomeReason");
    }

    String rootId(String release) {
        return client.get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + release
                + "&processDefinitionKey=release-lifecycle").json().get(0).path("id").asText();
    }

    private JsonNode historicVariable(String release, String name) {
        JsonNode found = client.get("admin", "/engine-rest/history/variable-instance?processInstanceId=" + rootId(release)
                + "&variableName=" + name + "&deserializeValues=false").json();
        return found.size() == 0 ? null : found.get(0);
    }

    String text(String release, String name) {
        JsonNode variable = historicVariable(release, name);
        return variable == null || variable.path("value").isNull() ? null : variable.path("value").asText();
    }

    JsonNode variable(String release, String name) {
        String json = text(release, name);
        return json == null ? LiftoffClient.JSON.missingNode() : readJson(json);
    }

    private static JsonNode readJson(String json) {
        try {
            return LiftoffClient.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }

    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }
}
