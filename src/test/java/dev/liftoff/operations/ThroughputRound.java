package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * One round of the throughput benchmark: releases of distinct services started at once through
 * {@code POST /api/releases} (spread over the nodes, as a load balancer would), each approval
 * completed by the scripted approvers as soon as it appears (each person's rounds spread over the
 * nodes too), until every release has ended and the job executors are idle. Measures wall time,
 * CPU of the nodes, of PostgreSQL and of this JVM, and how the database grew; checks that each
 * release ended RELEASED with every deploy applied once, no job ran twice and nothing failed.
 */
final class ThroughputRound {

    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** what one round measured */
    record Figures(String label, int nodes, int releases, double makespanSeconds, double steadyPerSecond, double meanLifecycleSeconds,
            double firstTaskP50Ms, double firstTaskP95Ms, double appCpuSeconds, double databaseCpuSeconds, double clientCpuSeconds,
            long databaseGrowthBytes, Map<String, Long> jobsByNode, long concurrentChangeRetries, int approvals, int approvalConflicts,
            double machineIdleShare, Map<String, Double> nodeCpuByThread) {

        double perSecond() {
            return releases / makespanSeconds;
        }

        /** what the nodes' threads of each kind used (see {@link ProcessCpu#threadKind}), in CPU seconds */
        Map<String, Double> nodeCpuByKind() {
            return ProcessCpu.byThreadKind(nodeCpuByThread);
        }
    }

    private final EnvironmentFleet fleet;
    private final List<LiftoffNode> nodes;
    private final LongSupplier databaseBytes;
    private final boolean databaseCpu;

    /**
     * @param databaseBytes the database's size now; its growth over the round is reported (-1: not
     *     measurable while the nodes run, as for an H2 file)
     * @param databaseCpu whether the database is a PostgreSQL server of this machine whose CPU counts
     */
    ThroughputRound(EnvironmentFleet fleet, List<LiftoffNode> nodes, LongSupplier databaseBytes, boolean databaseCpu) {
        this.fleet = fleet;
        this.nodes = List.copyOf(nodes);
        this.databaseBytes = databaseBytes;
        this.databaseCpu = databaseCpu;
    }

    Figures run(String label, List<String> services, String version) throws Exception {
        List<LiftoffApi> apis = nodes.stream().map(LiftoffApi::new).toList();
        LiftoffApi any = apis.get(0);
        Releases releases = new Releases(any);
        List<ScriptedApprover> approvers = apis.stream().map(ScriptedApprover::new).toList();
        Map<String, Long> jobsBefore = jobsByNode(any);
        long retriesBefore = new JobFailures(any).concurrentChanges();
        long bytesBefore = databaseBytes.getAsLong();
        double appBefore = appCpu();
        Map<String, Double> threadsBefore = cpuByThread();
        double databaseBefore = databaseCpu ? ProcessCpu.postgresSeconds() : 0;
        double clientBefore = ProcessCpu.seconds(ProcessHandle.current().pid());

        long startedAt = System.currentTimeMillis();
        double idleBefore = ProcessCpu.machineIdleSeconds();
        List<LiftoffApi.Reply> answers = ConcurrentReleases.startAtOnce(apis, services, version);
        List<String> businessKeys = services.stream().map(service -> Releases.businessKey(service, version)).toList();
        ConcurrentReleases.walkConcurrently(approvers, releases, businessKeys, TIMEOUT);
        // while releases ran: the share of the cores' time nobody used
        double machineIdleShare = (ProcessCpu.machineIdleSeconds() - idleBefore)
                / (Runtime.getRuntime().availableProcessors() * (System.currentTimeMillis() - startedAt) / 1000.0);
        ConcurrentReleases.awaitIdle(any);

        double appCpu = appCpu() - appBefore;
        Map<String, Double> byThread = new TreeMap<>();
        cpuByThread().forEach((name, seconds) -> byThread.put(name, seconds - threadsBefore.getOrDefault(name, 0.0)));
        double databaseCpuSeconds = databaseCpu ? ProcessCpu.postgresSeconds() - databaseBefore : Double.NaN;
        double clientCpu = ProcessCpu.seconds(ProcessHandle.current().pid()) - clientBefore;
        long bytesAfter = databaseBytes.getAsLong();
        Map<String, Long> jobs = new TreeMap<>();
        jobsByNode(any).forEach((node, count) -> jobs.put(node, count - jobsBefore.getOrDefault(node, 0L)));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(LiftoffApi.Reply::status, TreeMap::new,
                Collectors.counting()));
        assertThat(statuses).as("answers to the %d starts of %s: %s", services.size(), label, answers.stream()
                .filter(answer -> answer.status() != 201).limit(3).toList()).containsOnlyKeys(201);
        List<JsonNode> roots = releases.roots().stream().filter(root -> businessKeys.contains(root.path("businessKey").asText())).toList();
        assertThat(roots).as("release instances of %s", label).hasSize(services.size());
        assertThat(releases.outcomes(roots.stream().map(root -> root.path("id").asText()).toList()).values())
                .as("outcomes of %s", label).hasSize(services.size()).containsOnly("RELEASED");
        services.forEach(service -> ReleaseInvariants.deployedOnceEach(fleet, service));
        new ReleaseInvariants(any).noCamundaIncidents();
        assertThat(approvers.stream().flatMap(approver -> approver.errors().stream())).as("answers to the approvers other than 204")
                .isEmpty();
        assertThat(jobsRunMoreThanOnce(any)).as("jobs the job log shows run to success more than once").isEmpty();

        List<Long> ends = new ArrayList<>();
        double lifecycleSum = 0;
        for (JsonNode root : roots) {
            long end = epochMillis(root.path("endTime").asText());
            ends.add(end);
            lifecycleSum += end - epochMillis(root.path("startTime").asText());
        }
        Collections.sort(ends);
        List<Double> firstTasks = firstTaskDelays(any, roots, startedAt);
        return new Figures(label, nodes.size(), services.size(), (ends.get(ends.size() - 1) - startedAt) / 1000.0, steadyRate(ends),
                lifecycleSum / roots.size() / 1000.0, percentile(firstTasks, 50), percentile(firstTasks, 95), appCpu, databaseCpuSeconds,
                clientCpu, bytesBefore < 0 ? -1 : bytesAfter - bytesBefore, jobs, new JobFailures(any).concurrentChanges() - retriesBefore,
                approvers.stream().mapToInt(ScriptedApprover::completed).sum(),
                approvers.stream().mapToInt(ScriptedApprover::conflicts).sum(), machineIdleShare, byThread);
    }

    /** the nodes' CPU seconds so far, summed */
    private double appCpu() {
        return nodes.stream().mapToDouble(LiftoffNode::cpuSeconds).sum();
    }

    /** the nodes' CPU seconds so far by thread (see {@link ProcessCpu#byThreadName}), summed over the nodes */
    private Map<String, Double> cpuByThread() {
        Map<String, Double> byThread = new TreeMap<>();
        nodes.forEach(node -> ProcessCpu.byThreadName(node.pid()).forEach((name, seconds) -> byThread.merge(name, seconds, Double::sum)));
        return byThread;
    }

    /**
     * Releases per second while the round was in full flow: between the end of the first tenth
     * and of the last tenth of the releases, leaving out the start (nothing ends yet) and the tail
     * (a few releases sitting out their monitoring windows).
     */
    private static double steadyRate(List<Long> sortedEnds) {
        int first = sortedEnds.size() / 10;
        int last = sortedEnds.size() - 1 - sortedEnds.size() / 10;
        long span = sortedEnds.get(last) - sortedEnds.get(first);
        return span <= 0 ? Double.NaN : (last - first) / (span / 1000.0);
    }

    /** from the moment all starts were sent to each release's Go/No-Go task, in ms */
    private static List<Double> firstTaskDelays(LiftoffApi api, List<JsonNode> roots, long startedAt) {
        Set<String> rootIds = roots.stream().map(root -> root.path("id").asText()).collect(Collectors.toSet());
        Map<String, Long> created = new HashMap<>();
        String goNoGoTasks = "/engine-rest/history/task?taskDefinitionKey=" + ScriptedApprover.Step.GO_NO_GO.taskKey + "&maxResults=100000";
        for (JsonNode task : api.json("admin", goNoGoTasks)) {
            String root = task.path("rootProcessInstanceId").asText();
            if (rootIds.contains(root)) {
                created.merge(root, epochMillis(task.path("startTime").asText()), Math::min);
            }
        }
        assertThat(created).as("Go/No-Go tasks of the round's releases").hasSize(roots.size());
        return created.values().stream().map(at -> (double) (at - startedAt)).toList();
    }

    /** successful job runs per node so far, by the hostname the engine records in its job log */
    private Map<String, Long> jobsByNode(LiftoffApi api) {
        Map<String, Long> jobs = new TreeMap<>();
        for (LiftoffNode node : nodes) {
            jobs.put(node.nodeId(), api.json("admin", "/engine-rest/history/job-log/count?successLog=true&hostname=" + node.nodeId())
                    .path("count").asLong());
        }
        return jobs;
    }

    /** jobs that more than one run completed: a job taken by two nodes, or run again after it had succeeded */
    static Map<String, Long> jobsRunMoreThanOnce(LiftoffApi api) {
        Map<String, Long> runs = new HashMap<>();
        for (JsonNode log : api.json("admin", "/engine-rest/history/job-log?successLog=true&maxResults=1000000")) {
            runs.merge(log.path("jobId").asText(), 1L, Long::sum);
        }
        runs.values().removeIf(count -> count == 1);
        return runs;
    }

    static long epochMillis(String engineTime) {
        return OffsetDateTime.parse(engineTime, ENGINE_TIME).toInstant().toEpochMilli();
    }

    /** nearest-rank percentile */
    static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
