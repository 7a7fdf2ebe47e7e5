package dev.liftoff.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Releases on a node, as CI starts them ({@code POST /api/releases} as {@code ci-bot}) and as an
 * operator reads them afterwards: the engine's history of each root {@code release-lifecycle}
 * instance and its contract variables, and the Camunda incidents left.
 */
final class Releases {

    static final String ROOT = "release-lifecycle";
    private static final String ADMIN = "admin";

    private final LiftoffApi api;

    Releases(LiftoffApi api) {
        this.api = api;
    }

    /** the request CI sends for a service's version; {@code erin} is responsible for it, so she does not sign */
    static Map<String, Object> request(String service, String version, String commitSha) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service", service);
        request.put("version", version);
        request.put("commitSha", commitSha);
        request.put("requestedBy", "erin");
        return request;
    }

    /** the business key a release of this service and version gets */
    static String businessKey(String service, String version) {
        return service + "@" + version;
    }

    /** starts the release and returns its business key, {@code service@version} */
    String start(String service, String version, String commitSha) {
        LiftoffApi.Reply reply = api.post("ci-bot", "/api/releases", request(service, version, commitSha));
        if (reply.status() != 201) {
            throw new AssertionError("POST /api/releases for " + service + " " + version + " answered " + reply.status() + ": "
                    + reply.body());
        }
        return businessKey(service, version);
    }

    /** every root release instance the engine knows of, running or ended */
    List<JsonNode> roots() {
        List<JsonNode> roots = new ArrayList<>();
        api.json(ADMIN, "/engine-rest/history/process-instance?processDefinitionKey=" + ROOT + "&maxResults=10000").forEach(roots::add);
        return roots;
    }

    /** the one root instance of that business key; fails when there is none or several */
    JsonNode root(String businessKey) {
        JsonNode found = api.json(ADMIN, "/engine-rest/history/process-instance?processDefinitionKey=" + ROOT
                + "&processInstanceBusinessKey=" + encode(businessKey));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " release instances of " + businessKey + ", expected one: " + found);
        }
        return found.get(0);
    }

    boolean ended(String businessKey) {
        return "COMPLETED".equals(root(businessKey).path("state").asText());
    }

    /** whether every one of these releases has ended (one look at the history for all of them) */
    boolean allEnded(Collection<String> businessKeys) {
        Set<String> ended = new HashSet<>();
        roots().stream().filter(root -> "COMPLETED".equals(root.path("state").asText()))
                .forEach(root -> ended.add(root.path("businessKey").asText()));
        return ended.containsAll(businessKeys);
    }

    /** a root variable: JSON variables parsed, others as their text; a missing node when not set */
    JsonNode variable(String businessKey, String name) {
        return variableOf(root(businessKey).path("id").asText(), name);
    }

    JsonNode variableOf(String rootId, String name) {
        JsonNode found = api.json(ADMIN, "/engine-rest/history/variable-instance?processInstanceId=" + rootId + "&variableName=" + name
                + "&deserializeValues=false");
        for (JsonNode variable : found) {
            // the root's own variable, not a local one of an execution below it
            if (rootId.equals(variable.path("executionId").asText())) {
                JsonNode value = variable.path("value");
                if ("Json".equals(variable.path("type").asText()) && value.isTextual()) {
                    return parse(value.asText());
                }
                return value;
            }
        }
        return LiftoffApi.JSON.missingNode();
    }

    /** the outcome of each of these root instances that has one, by root instance id */
    Map<String, String> outcomes(Collection<String> rootIds) {
        LiftoffApi.Reply reply = api.post(ADMIN, "/engine-rest/history/variable-instance?deserializeValues=false",
                Map.of("variableName", "outcome", "processInstanceIdIn", List.copyOf(rootIds)));
        if (reply.status() != 200) {
            throw new AssertionError("outcomes: " + reply.status() + " " + reply.body());
        }
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (JsonNode variable : reply.json()) {
            if (variable.path("processInstanceId").asText().equals(variable.path("executionId").asText())) {
                outcomes.put(variable.path("processInstanceId").asText(), variable.path("value").asText(null));
            }
        }
        return outcomes;
    }

    String outcome(String businessKey) {
        return variable(businessKey, "outcome").asText(null);
    }

    /** waits until the release ended and returns its outcome */
    String awaitOutcome(String businessKey, Duration timeout) {
        await(() -> businessKey + " to end; by then " + describe(businessKey), timeout, () -> ended(businessKey));
        return outcome(businessKey);
    }

    /** the Camunda incidents open on the node's engine (failed jobs that ran out of retries) */
    JsonNode incidents() {
        return api.json(ADMIN, "/engine-rest/incident");
    }

    /** how the release stands, in words, for a failure message: state, stage, open tasks, outcome, incidents */
    String describe(String businessKey) {
        try {
            LiftoffApi.Reply view = api.get(ADMIN, "/api/releases/" + encode(businessKey));
            if (view.status() != 200) {
                return businessKey + ": " + view.status() + " " + view.body();
            }
            JsonNode release = view.json();
            List<String> tasks = new ArrayList<>();
            release.path("openTasks").forEach(task -> tasks.add(task.path("taskKey").asText() + " for " + task.path("groups")));
            return businessKey + ": state " + release.path("state").asText() + ", stage '" + release.path("stage").asText()
                    + "', open tasks " + tasks + ", outcome " + release.path("outcome").asText(null) + " ("
                    + release.path("outcomeReason").asText("") + "), Camunda incidents " + incidents();
        } catch (LiftoffApi.Unreachable | AssertionError e) {
            return businessKey + ": unknown, the node does not answer (" + e.getMessage() + ")";
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String json) {
        try {
            return LiftoffApi.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** polls until the condition holds; the message, read at the timeout, says how things stood then */
    static void await(Supplier<String> what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            LiftoffNode.sleep(200);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
    }
}
