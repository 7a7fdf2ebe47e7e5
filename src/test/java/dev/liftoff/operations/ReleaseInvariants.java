package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
    /** how {@code /engine-rest} writes a time, e.g. 2025-05-01T12:00:00.000+0000 */
    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final LiftoffApi api;
    private final Releases releases;

    ReleaseInvariants(LiftoffApi api) {
        this.api = api;
        this.releases = new Releases(api);
    }

    /**
     * The fleet applied one deploy to each environment of the service (a canary environment one to
     * its canary slot and one, the promotion, to the environment itself), and any repeat carried the
     * same idempotency key with the same version, commit and slot (a step run again after a crash).
     */
    static void deployedOnceEach(EnvironmentFleet fleet, String service) {
        for (String environment : List.of("staging", "production")) {
            List<EnvironmentFleet.DeployCall> calls = fleet.callsTo(service, environment);
            Map<String, Long> appliedBySlot = fleet.appliedTo(service, environment).stream()
                    .collect(Collectors.groupingBy(call -> String.valueOf(call.slot()), TreeMap::new, Collectors.counting()));
            assertThat(appliedBySlot.values()).as("deploys applied to %s %s by slot %s; every call: %s", service, environment,
                    appliedBySlot, calls).isNotEmpty().allMatch(applied -> applied == 1);
            assertThat(calls.stream().map(call -> call.idempotencyKey() + " " + call.version() + " " + call.commitSha() + " "
                    + call.slot()).distinct()).as("idempotency key, version, commit and slot of every deploy call to %s %s", service, environment)
                    .hasSize(appliedBySlot.size());
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
                Map<String, Long> successesByJob = successfulRuns("processInstanceId=" + windowId, step);
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

    /**
     * The engine's job log of an activity, oldest first, in the instances a filter of the job log
     * names: {@code processInstanceId=…} for one, {@code processDefinitionKey=…} for every instance of a process.
     */
    List<JsonNode> jobLog(String instances, String activityId) {
        List<JsonNode> logs = new ArrayList<>();
        api.json(ADMIN, "/engine-rest/history/job-log?" + instances + "&activityIdIn=" + activityId
                + "&sortBy=timestamp&sortOrder=asc&maxResults=10000").forEach(logs::add);
        return logs;
    }

    /** how often each job of an activity succeeded, by job id, in the instances {@link #jobLog} names */
    Map<String, Long> successfulRuns(String instances, String activityId) {
        return jobLog(instances, activityId).stream().filter(log -> log.path("successLog").asBoolean())
                .collect(Collectors.groupingBy(log -> log.path("jobId").asText(), TreeMap::new, Collectors.counting()));
    }

    /** when the engine wrote that entry of its job log */
    static Instant timestamp(JsonNode log) {
        return OffsetDateTime.parse(log.path("timestamp").asText(), ENGINE_TIME).toInstant();
    }
}
