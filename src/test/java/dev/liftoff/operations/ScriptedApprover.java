package dev.liftoff.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The people of a release, scripted: each demo approver lists the open tasks of their group over
 * {@code /engine-rest} and completes them, as they would in Tasklist. {@code rita} decides Go,
 * {@code ursula} passes UAT, and {@code eli}, {@code sam}, {@code otto} and {@code paula} sign off
 * their roles. A release requested by {@code erin} and started by {@code ci-bot} lets each of them sign.
 */
final class ScriptedApprover {

    /** a human step of a release: the task, who completes it (their group offers it) and what they enter */
    enum Step {
        GO_NO_GO("UserTask_GoNoGo", "rita", "release-managers", Map.of("decision", value("GO"))),
        UAT("UserTask_Uat", "ursula", "uat-testers", uatPass()),
        ENGINEERING("UserTask_SignOff", "eli", "engineering-leads", approve()),
        SECURITY("UserTask_SignOff", "sam", "security-leads", approve()),
        OPERATIONS("UserTask_SignOff", "otto", "operations", approve()),
        PRODUCT("UserTask_SignOff", "paula", "product-owners", approve());

        /** the roles a released release's {@code approvals} names, one entry each */
        static final Set<String> ROLES = Arrays.stream(values()).map(step -> step.group).collect(Collectors.toSet());

        final String taskKey;
        final String user;
        final String group;
        final Map<String, Object> variables;

        Step(String taskKey, String user, String group, Map<String, Object> variables) {
            this.taskKey = taskKey;
            this.user = user;
            this.group = group;
            this.variables = variables;
        }
    }

    private volatile LiftoffApi api;
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();

    ScriptedApprover(LiftoffApi api) {
        this.api = api;
    }

    /** from now on the approvers work on that node (in a cluster: any node) */
    void workOn(LiftoffApi node) {
        this.api = node;
    }

    /** completes that step of the release once its task is open; returns when the node answered 204 */
    void complete(Step step, String businessKey, Duration timeout, Releases releases) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> open = openTasks(step, Set.of(businessKey));
            if (!open.isEmpty() && complete(step, open.get(0))) {
                return;
            }
            LiftoffNode.sleep(200);
        }
        throw new AssertionError(step + " of " + businessKey + " never completed within " + timeout + "; "
                + releases.describe(businessKey) + "; approver errors " + errors);
    }

    /**
     * One round of every approver through their open tasks of these releases (all releases when
     * null): returns how many tasks were completed.
     */
    int sweep(Collection<String> businessKeys) {
        int done = 0;
        for (Step step : Step.values()) {
            done += sweep(step, businessKeys);
        }
        return done;
    }

    /** one round of one approver through the open tasks of their step (of these releases; all when null) */
    int sweep(Step step, Collection<String> businessKeys) {
        int done = 0;
        for (JsonNode task : openTasks(step, businessKeys)) {
            if (complete(step, task)) {
                done++;
            }
        }
        return done;
    }

    /** sweeps until every one of these releases has ended */
    void walkToEnd(Collection<String> businessKeys, Duration timeout, Releases releases) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int done = sweep(businessKeys);
            if (done == 0) {
                if (releases.allEnded(businessKeys)) {
                    return;
                }
                LiftoffNode.sleep(300);
            }
        }
        String running = businessKeys.stream().filter(key -> !releases.ended(key)).limit(10).map(releases::describe)
                .collect(Collectors.joining("\n  "));
        throw new AssertionError("not every release ended within " + timeout + "; of those still running:\n  " + running + "\napprover errors " + errors);
    }

    /** answers other than 204 to a completion, except conflicts; each with its task and the node's answer */
    List<String> errors() {
        return List.copyOf(errors);
    }

    int completed() {
        return completed.get();
    }

    /** completions the node refused as a concurrent change (OptimisticLockingException), done again later */
    int conflicts() {
        return conflicts.get();
    }

    /** how many tasks of that step of the release are open */
    int openTasks(Step step, String businessKey) {
        return openTasks(step, Set.of(businessKey)).size();
    }

    private List<JsonNode> openTasks(Step step, Collection<String> businessKeys) {
        if (businessKeys != null && businessKeys.isEmpty()) {
            return List.of();
        }
        String query = "/engine-rest/task?taskDefinitionKey=" + step.taskKey + "&candidateGroup=" + step.group + "&maxResults=1000"
                + (businessKeys == null ? "" : "&processInstanceBusinessKeyIn=" + Releases.encode(String.join(",", businessKeys)));
        LiftoffApi.Reply reply = api.get(step.user, query);
        if (reply.status() != 200) {
            errors.add(step + ": GET tasks answered " + reply.status() + ": " + reply.body());
            return List.of();
        }
        List<JsonNode> tasks = new ArrayList<>();
        reply.json().forEach(tasks::add);
        return tasks;
    }

    private boolean complete(Step step, JsonNode task) {
        String id = task.path("id").asText();
        LiftoffApi.Reply done = api.post(step.user, "/engine-rest/task/" + id + "/complete", Map.of("variables", step.variables));
        if (done.status() == 204) {
            completed.incrementAndGet();
            return true;
        }
        // two sign-offs of one release append to its one approvals list: of two at the same moment the
        // engine refuses one (optimistic locking), and a person clicks again, as this script does
        if (ConcurrentChange.isIn(done.body())) {
            conflicts.incrementAndGet();
        } else {
            errors.add(step + " " + id + " (" + task.path("name").asText() + "): " + done.status() + " " + done.body());
        }
        return false;
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private static Map<String, Object> approve() {
        return Map.of("decision", value("APPROVE"), "comment", value("looks good"));
    }

    private static Map<String, Object> uatPass() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("scenariosPassed", Map.of("value", "[]", "type", "Json"));
        variables.put("issues", Map.of("value", "[]", "type", "Json"));
        variables.put("confidence", Map.of("value", 4, "type", "Long"));
        variables.put("decision", value("GO"));
        return variables;
    }
}
