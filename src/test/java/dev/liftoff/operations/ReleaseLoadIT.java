package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 200 releases at once on one node: started concurrently through {@code POST /api/releases}, one
 * for each of 200 services of a generated configuration, each walked to its end by the scripted
 * approvers (one thread per person, as six people work their queues). No request fails, no release
 * is lost or started twice, each ends RELEASED with its deploys applied once, and the node's memory
 * stays flat: resident memory and the heap after a full GC, before and after, are written to
 * {@code target/load/results.md}.
 */
class ReleaseLoadIT {

    private static final int RELEASES = 200;
    private static final int WARM_UP = 5;
    private static final Duration ALL_ENDED_WITHIN = Duration.ofMinutes(12);
    /** what 200 finished releases may add to the live heap: their history is in the database, not in memory */
    private static final long HEAP_GROWTH_LIMIT_MIB = 64;

    private EnvironmentFleet fleet;
    private NodeDatabase database;
    private LiftoffNode node;

    @BeforeEach
    void fleetAndDatabase() {
        fleet = new EnvironmentFleet();
        database = NodeDatabase.forThisPass(getClass().getSimpleName());
    }

    @AfterEach
    void stopAndDrop() {
        if (node != null) {
            node.stop();
        }
        database.close();
        fleet.close();
    }

    @Test
    void twoHundredConcurrentReleasesEachEndReleasedOnceAndMemoryStaysFlat() throws Exception {
        List<String> services = IntStream.range(0, RELEASES).mapToObj(i -> String.format("load-%03d", i)).toList();
        List<String> warmUp = IntStream.range(0, WARM_UP).mapToObj(i -> "warm-up-" + i).toList();
        List<String> all = new ArrayList<>(warmUp);
        all.addAll(services);
        Path directory = LiftoffNode.testDirectory(getClass().getSimpleName());
        Path config = new FleetConfiguration(fleet, all).writeTo(directory.resolve("fleet.yaml"));
        node = new LiftoffNode("load-node", directory.resolve("node"), config, database, List.of()).start();
        LiftoffApi api = new LiftoffApi(node);
        Releases releases = new Releases(api);
        ScriptedApprover approver = new ScriptedApprover(api);

        approver.walkToEnd(warmUp.stream().map(service -> releases.start(service, "1.0.0", "abc1234")).toList(), Duration.ofMinutes(3),
                releases);
        ConcurrentReleases.awaitIdle(api);
        NodeMemory before = NodeMemory.afterFullGc(node);
        double cpuBefore = node.cpuSeconds();

        long started = System.nanoTime();
        List<LiftoffApi.Reply> answers = ConcurrentReleases.startAtOnce(List.of(api), services, "1.0.0");
        long postsDone = System.nanoTime();
        List<String> released = services.stream().map(service -> Releases.businessKey(service, "1.0.0")).toList();
        ConcurrentReleases.walkConcurrently(List.of(approver), releases, released, ALL_ENDED_WITHIN);
        long allEnded = System.nanoTime();
        ConcurrentReleases.awaitIdle(api);
        NodeMemory after = NodeMemory.afterFullGc(node);
        double cpuSeconds = node.cpuSeconds() - cpuBefore;

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(LiftoffApi.Reply::status, TreeMap::new,
                Collectors.counting()));
        double seconds = (allEnded - started) / 1e9;
        String figures = """
                %s, %s; one node (-Xmx1g), %d releases started at once through POST /api/releases, one per service of
                a generated configuration (direct deploys to a local fleet, health and version checks, staging
                and production watched every 1 s for 3 s), each walked to its end by six scripted approvers.

                | | before | after |
                |---|---|---|
                | resident memory (VmRSS) | %d MiB | %d MiB |
                | threads | %d | %d |
                | heap in use after a full GC | %d MiB | %d MiB |
                | heap committed | %d MiB | %d MiB |

                The live heap is what a leak would grow. Resident memory also holds what the JVM took and keeps:
                committed heap, compiled code, and the stacks and native I/O buffers of its threads (the web
                server's pool grows to 200 threads for 200 requests at once).

                - POST answers: %s, all %d answered in %.1f s
                - all %d released %.1f s after the first POST: %.2f releases/s
                - CPU used by the node meanwhile: %.0f s (of %.0f s wall time on %d cores)
                - approvals: %d tasks completed, %d refused as a concurrent change and done again, %d errors
                - job executor: %s
                - live heap grown most by: %s
                """.formatted(LocalDate.now(), database.describe(), RELEASES, before.residentMib(), after.residentMib(),
                before.threads(), after.threads(),
                before.heapUsedMib(), after.heapUsedMib(), before.heapCommittedMib(), after.heapCommittedMib(), statuses, RELEASES,
                (postsDone - started) / 1e9, RELEASES, seconds, RELEASES / seconds, cpuSeconds, seconds,
                Runtime.getRuntime().availableProcessors(), approver.completed(), approver.conflicts(), approver.errors().size(),
                new JobFailures(api), after.largestGrowthSince(before, 8));
        Path report = LoadReport.write(database.kind(), figures);
        System.out.println(figures + "\n(written to " + report + ")");

        assertThat(statuses).as("answers to the %d concurrent starts", RELEASES).containsOnlyKeys(201);
        assertExactlyOneReleasedReleasePerService(releases, services);
        services.forEach(service -> ReleaseInvariants.deployedOnceEach(fleet, service));
        new ReleaseInvariants(api).noCamundaIncidents();
        assertThat(approver.errors()).as("answers to the approvers other than 204").isEmpty();
        assertThat(after.heapUsedMib()).as("live heap after the load (MiB), against %d MiB before", before.heapUsedMib())
                .isLessThanOrEqualTo(before.heapUsedMib() + HEAP_GROWTH_LIMIT_MIB);
    }

    private static void assertExactlyOneReleasedReleasePerService(Releases releases, List<String> services) {
        List<JsonNode> roots = releases.roots().stream().filter(root -> root.path("businessKey").asText().startsWith("load-")).toList();
        Map<String, Long> perService = roots.stream().collect(Collectors.groupingBy(
                root -> root.path("businessKey").asText().replaceFirst("@.*", ""), TreeMap::new, Collectors.counting()));
        assertThat(perService.keySet()).as("services with a release").containsExactlyElementsOf(services);
        assertThat(perService.values()).as("releases per service").containsOnly(1L);
        Map<String, String> outcomes = releases.outcomes(roots.stream().map(root -> root.path("id").asText()).toList());
        assertThat(outcomes).as("outcomes").hasSize(services.size());
        assertThat(outcomes.values()).as("outcomes").containsOnly("RELEASED");
    }
}
