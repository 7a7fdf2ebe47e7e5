package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What must hold for every release however its nodes fared (killed, several at once, under load):
 * each deploy reached its environment once, every person's decision was kept exactly once, every
 * monitoring tick ran once, and no job was left failed.
 */
final class ReleaseInvariants {

    private static final String ADMIN = "admin";

    private final LiftoffApi api;
    private final Releases releases;

    ReleaseInvariants(LiftoffApi api) {
        this.api = api;
        this.releases = new Releases(api);
    }

    /**
     * The fleet applied one deploy to each environment of the service, and any repeat carried the
     * same idempotency key with the same version and commit (a step run again after a crash).
     */
    static void deployedOnceEach(EnvironmentFleet fleet, String service) {
        for (String environment : List.of("staging", "production")) {
            List<EnvironmentFleet.DeployCall> calls = fleet.callsTo(service, environment);
            assertThat(fleet.appliedTo(service, environment)).as("deploys applied to %s %s; every call: %s", service, environment, calls)
                    .hasSize(1);
            assertThat(calls.stream().map(call -> call.idempotencyKey() + " " + call.version() + " " + call.commitSha()).distinct())
                    .as("idempotency key, version and commit of every deploy call to %s %s", service, environment).hasSize(1);
        }
    }

    /** {@code approvals} on the root names every approving role once: none lost, none doubled */
    void everyApprovalKeptOnce(String businessKey) {
        JsonNode approvals = releases.variable(businessKey, "approvals");
        List<String> roles = new ArrayList<>();
        approvals.forEach(approval -> roles.add(approval.path("role").asText()));
        assertThat(roles).as("roles in the approvals of %s: %s", businessKey, approvals)
                .containsExactlyInAnyOrderElementsOf(ScriptedApprover.Step.ROLES);
    }

    void noCamundaIncidents() {
        assertThat(releases.incidents()).as("Camunda incidents (failed jobs out of retries)").isEmpty();
    }

    /**
     * Every tick of both monitoring windows ran once: each timer job and each tick job of the
     * windows succeeded exactly once (the engine's job log), as many of each as ticks recorded in the
     * root's {@code <environment>Monitoring}, each at its own time, and the window completed.
     *
     * @return ticks per environment
     */
    Map<String, Integer> everyTickRanOnce(String businessKey) {
        String rootId = releases.root(businessKey).path("id").asText();
        Map<String, Integer> ticksByEnvironment = new TreeMap<>();
        for (JsonNode window : api.json(ADMIN, "/engine-rest/history/process-instance?processDefinitionKey=monitoring-window"
                + "&superProcessInstanceId=" + rootId)) {
            String windowId = window.path("id").asText();
            String environment = releases.variableOf(windowId, "environment").asText();
            JsonNode record = releases.variableOf(rootId, environment + "Monitoring");
            List<String> tickTimes = new ArrayList<>();
            record.path("ticks").forEach(tick -> tickTimes.add(tick.path("at").asText()));
            assertThat(record.path("status").asText()).as("%s's %s window: %s", businessKey, environment, record).isEqualTo("completed");
            assertThat(tickTimes).as("tick times of %s's %s window", businessKey, environment).doesNotHaveDuplicates().isNotEmpty();
            for (String step : List.of("TimerEvent_TickDue", "Task_RunTick")) {
                Map<String, Long> successesByJob = successfulRuns(windowId, step);
                assertThat(successesByJob.values()).as("successful runs of each %s job of %s's %s window", step, businessKey, environment)
                        .allMatch(runs -> runs == 1);
                assertThat(successesByJob).as("%s jobs of %s's %s window against its %d ticks", step, businessKey, environment,
                        tickTimes.size()).hasSize(tickTimes.size());
            }
            ticksByEnvironment.put(environment, tickTimes.size());
        }
        assertThat(ticksByEnvironment.keySet()).as("monitoring windows of %s", businessKey).containsExactly("production", "staging");
        return ticksByEnvironment;
    }

    private Map<String, Long> successfulRuns(String processInstanceId, String activityId) {
        List<JsonNode> logs = new ArrayList<>();
        api.json(ADMIN, "/engine-rest/history/job-log?processInstanceId=" + processInstanceId + "&activityIdIn=" + activityId
                + "&successLog=true&maxResults=10000").forEach(logs::add);
        return logs.stream().collect(Collectors.groupingBy(log -> log.path("jobId").asText(), TreeMap::new, Collectors.counting()));
    }
}
