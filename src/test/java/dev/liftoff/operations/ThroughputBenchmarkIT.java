package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.operations.ThroughputRound.Figures;
import dev.liftoff.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Straight-through release lifecycles per second, and what each costs: rounds of releases of
 * distinct services started at once and approved by the scripted approvers as soon as each task
 * appears (see {@link ThroughputRound}). On H2, one node (an H2 file belongs to one process); on
 * PostgreSQL, one node and two nodes on one schema in rounds of either, so that what coordination
 * costs shows against the same database. Like is measured with like: both nodes warm up together,
 * long enough for the JIT to have compiled most of what a release runs; the one-node rounds take
 * either node in turn, the other paused (SIGSTOP), so that neither has compiled more of its code
 * than the other (restarted, a node would spend a round compiling, the cost of a cold JVM, not of
 * coordination); rounds run in the order 1 2 2 1 1 2 2 1 and each begins with a vacuumed schema, so
 * that the growing database weighs on both kinds alike. Also: start to first task on an idle
 * node, database size per 1,000 releases, CPU seconds per release on the nodes and on PostgreSQL,
 * and the machine's idle share (a round limited by CPU leaves none).
 *
 * <p>A benchmark, not a test of the build: {@code bench/throughput.sh} runs it ({@code -Pbench},
 * JUnit tag {@code benchmark}); the figures go to {@code target/bench/throughput.md}.
 */
@Tag("benchmark")
class ThroughputBenchmarkIT {

    private static final int RELEASES = Integer.getInteger("liftoff.bench.releases", 100);
    private static final int WARM_UP = Integer.getInteger("liftoff.bench.warm-up", 400);
    private static final int FIRST_TASK_SAMPLES = 20;
    private static final Duration WINDOW = Duration.ofSeconds(3);
    /**
     * Job threads per node: Liftoff's default, 10 (application.yaml). With fewer, e.g. 5, two nodes
     * run as many on the machine's cores as one node does by default.
     */
    private static final int JOB_THREADS = Integer.getInteger("liftoff.bench.job-threads", 10);
    private static final String TITLE = "# Release throughput benchmark\n\n";

    private EnvironmentFleet fleet;
    private PostgresServer server;
    private NodeDatabase database;
    private final List<LiftoffNode> started = new ArrayList<>();

    @AfterEach
    void stopAndDrop() {
        started.forEach(LiftoffNode::stop);
        if (database != null) {
            database.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void straightThroughLifecyclesPerSecond() throws Exception {
        boolean postgres = TestDatabase.onPostgres();
        fleet = new EnvironmentFleet();
        server = postgres ? PostgresServer.configured().requireReachable(getClass().getSimpleName()) : null;
        database = postgres ? server.freshSchema() : new NodeDatabase.H2Files();
        // the rounds: on PostgreSQL one node and two nodes in the order 1 2 2 1 1 2 2 1, so that whatever
        // drifts through a run (the database grows) weighs on both alike; on H2 one node twice
        List<Integer> rounds = postgres ? List.of(1, 2, 2, 1, 1, 2, 2, 1) : List.of(1, 1);
        List<String> services = new ArrayList<>(names("warm", WARM_UP));
        services.addAll(names("first-task", FIRST_TASK_SAMPLES));
        for (int round = 1; round <= rounds.size(); round++) {
            services.addAll(names("r" + round, RELEASES));
        }
        Path directory = LiftoffNode.testDirectory(getClass().getSimpleName());
        // one monitoring tick per window, at its end: a window of several ticks skips those its node
        // runs too late, so a busier node would do less work per release than an idle one
        Path config = new FleetConfiguration(fleet, services).watchStaging(WINDOW, WINDOW).watchProduction(WINDOW, WINDOW)
                .writeTo(directory.resolve("fleet.yaml"));
        LiftoffNode nodeA = node("node-a", directory, config);
        LiftoffNode nodeB = node("node-b", directory, config);

        Path h2Node = directory.resolve("node-a");
        long emptyBytes;
        long emptyFileBytes = -1;
        if (postgres) {
            start(nodeA);
            emptyBytes = schemaBytes();
        } else {
            // an H2 file is measured as the running node has it, and compacted with no node using it:
            // first with the engine's tables and deployments only
            start(nodeA);
            emptyFileBytes = DatabaseFootprint.ofH2File(h2Node);
            nodeA.stop();
            emptyBytes = DatabaseFootprint.ofCompactedH2File(h2Node);
            nodeA.start();
        }
        LiftoffApi apiA = new LiftoffApi(nodeA);
        if (postgres) {
            start(nodeB);
            warmUp(List.of(nodeA, nodeB), names("warm", WARM_UP));
            nodeB.pause();
        } else {
            warmUp(List.of(nodeA), names("warm", WARM_UP));
        }
        List<Double> firstTask = firstTaskOnAnIdleNode(apiA, names("first-task", FIRST_TASK_SAMPLES));

        List<Figures> figures = new ArrayList<>();
        int oneNodeRounds = 0;
        for (int round = 1; round <= rounds.size(); round++) {
            // the one-node rounds take node A and node B in turn, so that each runs as many releases
            // as the other and neither has compiled more of its code when the two share a round
            List<LiftoffNode> nodes = !postgres ? List.of(nodeA)
                    : rounds.get(round - 1) == 2 ? List.of(nodeA, nodeB) : List.of(oneNodeRounds++ % 2 == 0 ? nodeA : nodeB);
            runOnly(nodes, postgres ? List.of(nodeA, nodeB) : List.of(nodeA));
            if (postgres) {
                // the server here may run without autovacuum: without it each round would find
                // the dead rows of all before it, and its queries would read through them
                ((PostgresServer.Schema) database).vacuum();
            }
            LongSupplier bytes = postgres ? this::schemaBytes : () -> -1;
            ThroughputRound measured = new ThroughputRound(fleet, nodes, bytes, postgres);
            Figures measuredRound = measured.run("round " + round, names("r" + round, RELEASES), "1.0.0");
            System.out.println("throughput " + measuredRound);
            figures.add(measuredRound);
        }
        if (nodeA.isPaused()) {
            // the last one-node round may have been node B's: node A answers what follows
            nodeA.resume();
        }
        int releases = new Releases(apiA).roots().size();
        Map<String, Long> repeatedJobs = ThroughputRound.jobsRunMoreThanOnce(apiA);
        long fullBytes;
        long fullFileBytes = -1;
        long stoppedFileBytes = -1;
        if (postgres) {
            fullBytes = schemaBytes();
        } else {
            fullFileBytes = DatabaseFootprint.ofH2File(h2Node);
            nodeA.stop();
            stoppedFileBytes = DatabaseFootprint.ofH2File(h2Node);
            fullBytes = DatabaseFootprint.ofCompactedH2File(h2Node);
        }
        String report = report(figures, firstTask, emptyBytes, fullBytes, releases, repeatedJobs.size());
        if (postgres) {
            report += "- the largest tables then: " + DatabaseFootprint.largestTables(server, (PostgresServer.Schema) database, 8)
                    .entrySet().stream().map(table -> String.format("%s %.1f MiB", table.getKey(), mib(table.getValue())))
                    .collect(Collectors.joining(", ")) + "\n";
        } else {
            report += String.format("- the H2 file as the running node had it: %.1f MiB after start, %.1f MiB after the %d releases:"
                    + " %.1f MiB per 1,000 releases; %.1f MiB once the node had stopped (H2 compacts the file as it closes,"
                    + " up to the URL's MAX_COMPACT_TIME)%n", mib(emptyFileBytes), mib(fullFileBytes), releases,
                    mib(fullFileBytes - emptyFileBytes) / releases * 1000, mib(stoppedFileBytes));
        }
        Path file = LoadReport.write(Path.of(System.getProperty("liftoff.bench.throughput.output", "target/bench/throughput.md")), TITLE,
                database.kind(), report);
        System.out.println(report + "\n(written to " + file + ")");
        assertThat(repeatedJobs).as("jobs run to success more than once, over every round").isEmpty();
    }

    private LiftoffNode node(String id, Path directory, Path config) {
        // the job log names the node that ran each job
        return new LiftoffNode(id, directory.resolve(id), config, database, List.of("--camunda.bpm.generic-properties.properties.hostname=" + id,
                "--camunda.bpm.job-execution.core-pool-size=" + Math.min(3, JOB_THREADS), "--camunda.bpm.job-execution.max-pool-size=" + JOB_THREADS));
    }

    private LiftoffNode start(LiftoffNode node) {
        node.start();
        if (!started.contains(node)) {
            started.add(node);
        }
        return node;
    }

    /** resumes these nodes where paused and pauses the others of the run (SIGSTOP) */
    private static void runOnly(List<LiftoffNode> nodes, List<LiftoffNode> all) {
        for (LiftoffNode node : all) {
            if (nodes.contains(node) && node.isPaused()) {
                node.resume();
            } else if (!nodes.contains(node) && node.isRunning() && !node.isPaused()) {
                node.pause();
            }
        }
    }

    private long schemaBytes() {
        return DatabaseFootprint.ofSchema(server, (PostgresServer.Schema) database);
    }

    /**
     * Releases started a hundred at a time (spread over these nodes) and walked to their end before
     * anything is measured, so that the JIT has compiled the paths they take. That takes hundreds of
     * releases: Liftoff runs some 40,000 compiled methods, and a node whose cores are busy compiles
     * them slowly. Each round reports what compiling still cost it (JIT share).
     */
    private static void warmUp(List<LiftoffNode> nodes, List<String> services) throws Exception {
        List<LiftoffApi> apis = nodes.stream().map(LiftoffApi::new).toList();
        Releases releases = new Releases(apis.get(0));
        for (int from = 0; from < services.size(); from += 100) {
            List<String> batch = services.subList(from, Math.min(services.size(), from + 100));
            double cpuBefore = nodes.stream().mapToDouble(LiftoffNode::cpuSeconds).sum();
            double jitBefore = jitSeconds(nodes);
            List<LiftoffApi.Reply> answers = ConcurrentReleases.startAtOnce(apis, batch, "1.0.0");
            assertThat(answers).as("answers to the warm-up's starts").allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
            List<String> keys = batch.stream().map(service -> Releases.businessKey(service, "1.0.0")).toList();
            ConcurrentReleases.walkConcurrently(apis.stream().map(ScriptedApprover::new).toList(), releases, keys, ThroughputRound.TIMEOUT);
            ConcurrentReleases.awaitIdle(apis.get(0));
            System.out.printf("warm-up: %d releases, node CPU %.1f s, of it JIT %.1f s%n", batch.size(),
                    nodes.stream().mapToDouble(LiftoffNode::cpuSeconds).sum() - cpuBefore, jitSeconds(nodes) - jitBefore);
        }
    }

    private static double jitSeconds(List<LiftoffNode> nodes) {
        return nodes.stream().mapToDouble(node -> ProcessCpu.byThreadKind(ProcessCpu.byThreadName(node.pid())).getOrDefault("JIT", 0.0))
                .sum();
    }

    /**
     * One release at a time on an otherwise idle node: from sending {@code POST /api/releases} to
     * the creation of its Go/No-Go task (the engine's create time), in ms. Each is then walked to
     * its end, so it counts in the database's size like every other.
     */
    private static List<Double> firstTaskOnAnIdleNode(LiftoffApi api, List<String> services) throws Exception {
        Releases releases = new Releases(api);
        List<Double> delays = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String service : services) {
            long sentAt = System.currentTimeMillis();
            String key = releases.start(service, "1.0.0", "abc1234");
            keys.add(key);
            JsonNode[] task = new JsonNode[1];
            Releases.await(() -> "the Go/No-Go of " + key, Duration.ofMinutes(1), () -> {
                JsonNode found = api.json("admin", "/engine-rest/task?taskDefinitionKey=" + ScriptedApprover.Step.GO_NO_GO.taskKey
                        + "&processInstanceBusinessKey=" + Releases.encode(key));
                task[0] = found.size() == 1 ? found.get(0) : null;
                return task[0] != null;
            });
            delays.add((double) (ThroughputRound.epochMillis(task[0].path("created").asText()) - sentAt));
        }
        ConcurrentReleases.walkConcurrently(List.of(new ScriptedApprover(api)), releases, keys, ThroughputRound.TIMEOUT);
        ConcurrentReleases.awaitIdle(api);
        return delays;
    }

    private String report(List<Figures> rounds, List<Double> firstTask, long emptyBytes, long fullBytes, int releases, int repeatedJobs) {
        StringBuilder text = new StringBuilder();
        text.append(LocalDate.now()).append(", ").append(database.describe()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; each node -Xmx1g, demo profile, ").append(JOB_THREADS)
                .append(" job threads. Each round: ")
                .append(RELEASES).append(" releases of distinct services started at once through POST /api/releases (with two nodes,\n")
                .append("alternately on each), every task completed by six scripted approvers as soon as it appears (with two nodes,\n")
                .append("each person's next look at their queue on the other node); direct deploys to a local fleet, health and\n")
                .append("version checks, staging and production each watched by one tick 3 s after the deploy; the round ends when every release has\n")
                .append("ended and no job is due.")
                .append(" First " + WARM_UP + " warm-up releases").append(server == null ? "." : " over both nodes. The rounds run in the order\n"
                        + "1 2 2 1 1 2 2 1 nodes; the one-node rounds take node A and node B in turn, the other paused (SIGSTOP), so that\n"
                        + "each node has run as many releases as the other; before each round VACUUM ANALYZE of the schema's tables.")
                .append("\n\n");
        text.append("| round | nodes | releases/s (all) | releases/s (steady) | mean lifecycle | start → Go/No-Go p50 / p95 | machine idle |"
                + " node CPU s/release | of it JIT | PostgreSQL CPU s/release | client CPU s/release | jobs per release (per node) | concurrent-change retries |"
                + " approvals (redone) | database growth per 1,000 releases |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Figures round : rounds) {
            text.append(String.format("| %s | %d | %.2f | %.2f | %.1f s | %.0f / %.0f ms | %.0f %% | %.2f | %.0f %% | %s | %.2f | %s | %d | %d (%d) | %s |%n",
                    round.label(), round.nodes(), round.perSecond(), round.steadyPerSecond(), round.meanLifecycleSeconds(),
                    round.firstTaskP50Ms(), round.firstTaskP95Ms(), round.machineIdleShare() * 100, round.appCpuSeconds() / round.releases(),
                    round.nodeCpuByKind().getOrDefault("JIT", 0.0) / round.appCpuSeconds() * 100,
                    Double.isNaN(round.databaseCpuSeconds()) ? "(in the node)" : String.format("%.2f", round.databaseCpuSeconds() / round.releases()),
                    round.clientCpuSeconds() / round.releases(), String.format("%.1f (", round.jobsByNode().values().stream()
                            .mapToLong(Long::longValue).sum() / (double) round.releases()) + round.jobsByNode().entrySet().stream()
                            .filter(entry -> entry.getValue() > 0).map(entry -> entry.getKey() + " " + entry.getValue())
                            .collect(Collectors.joining(", ")) + ")", round.concurrentChangeRetries(), round.approvals(),
                    round.approvalConflicts(), round.databaseGrowthBytes() < 0 ? "(below)"
                            : String.format("%.1f MiB", mib(round.databaseGrowthBytes()) / round.releases() * 1000)));
        }
        text.append("\n- releases/s (all): the round's releases ÷ (last end − first POST); (steady): between the ends of the first\n")
                .append("  and the last tenth of them. Start → Go/No-Go here is under the burst of the round's starts. Machine idle: the\n")
                .append("  share of all cores' time left unused from the first POST until every release had ended (/proc/stat).\n");
        Map<Integer, List<Figures>> byNodes = rounds.stream().collect(Collectors.groupingBy(Figures::nodes));
        double one = mean(byNodes.get(1));
        text.append(String.format("- one node: %.2f releases/s (mean of its rounds); %s%n", one, cpuPerRelease(byNodes.get(1))));
        if (byNodes.containsKey(2)) {
            double two = mean(byNodes.get(2));
            text.append(String.format("- two nodes: %.2f releases/s; two ÷ one = %.3f (goal ≥ 0.9: %s; in each block of four rounds %s); %s%n",
                    two, two / one, two / one >= 0.9 ? "met" : "not met", ratioPerBlock(rounds), cpuPerRelease(byNodes.get(2))));
        }
        text.append(String.format("- start → Go/No-Go on an idle node, %d releases one at a time: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                firstTask.size(), ThroughputRound.percentile(firstTask, 50), ThroughputRound.percentile(firstTask, 95),
                ThroughputRound.percentile(firstTask, 100)));
        text.append(String.format("- database: %.1f MiB with the engine's tables only, %.1f MiB after %d releases: %.1f MiB per 1,000 releases"
                + " (history kept in full, as until history cleanup removes it)%s%n", mib(emptyBytes), mib(fullBytes),
                releases, mib(fullBytes - emptyBytes) / releases * 1000,
                server == null ? "; the H2 file measured compacted, with the node stopped" : "; every table of the schema with its indexes"));
        text.append(String.format("- jobs run to success more than once, over every round (engine job log): %d; each round checked every"
                + " deploy applied once per environment%n", repeatedJobs));
        return text.toString();
    }

    /**
     * CPU seconds per release on the nodes and the database, and what that allows where CPU is the
     * limit: a machine's cores ÷ CPU seconds per release = releases per second.
     */
    private static String cpuPerRelease(List<Figures> rounds) {
        int releases = rounds.stream().mapToInt(Figures::releases).sum();
        double node = rounds.stream().mapToDouble(Figures::appCpuSeconds).sum() / releases;
        double database = rounds.stream().mapToDouble(Figures::databaseCpuSeconds).sum() / releases;
        if (Double.isNaN(database)) {
            return String.format("%.2f CPU s per release (the node, H2 inside it): ≈ %.2f releases/s per core where CPU is the limit", node,
                    1 / node);
        }
        return String.format("%.2f CPU s per release on the nodes + %.2f on PostgreSQL = %.2f: ≈ %.2f releases/s per core where CPU"
                + " is the limit", node, database, node + database, 1 / (node + database));
    }

    /** two ÷ one within each block of four rounds (1 2 2 1), which a drift through the run weighs on alike */
    private static String ratioPerBlock(List<Figures> rounds) {
        List<String> ratios = new ArrayList<>();
        for (int from = 0; from + 4 <= rounds.size(); from += 4) {
            Map<Integer, List<Figures>> block = rounds.subList(from, from + 4).stream().collect(Collectors.groupingBy(Figures::nodes));
            ratios.add(String.format("%.3f", mean(block.get(2)) / mean(block.get(1))));
        }
        return String.join(", ", ratios);
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static double mean(List<Figures> rounds) {
        return rounds.stream().mapToDouble(Figures::perSecond).average().orElse(Double.NaN);
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s-%03d", prefix, i)).toList();
    }
}
