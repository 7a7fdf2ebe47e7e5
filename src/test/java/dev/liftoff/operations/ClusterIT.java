package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.operations.ScriptedApprover.Step;
import dev.liftoff.persistence.TestDatabase;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Liftoff nodes on one PostgreSQL schema, as a Camunda cluster: distinct node ids and ports,
 * the first started alone so that one node creates the schema. Releases started on one node are
 * approved on the other; both nodes' job executors share the work and each monitoring tick runs
 * once; concurrent starts of one service on both nodes start one release; and a node killed while
 * it runs a deploy leaves that job to the other node once its lock expires (a lock of 20 s here,
 * with every step limit cut to fit it). No concurrent change on the shared database (an
 * OptimisticLockingException) is left as an incident.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = TestDatabase.MODE_PROPERTY, matches = TestDatabase.POSTGRES,
        disabledReason = "ClusterIT runs on PostgreSQL only: ./mvnw verify -Ppostgres")
class ClusterIT {

    /** short, so that a dead node's jobs go to the other node within the test */
    private static final Duration LOCK = Duration.ofSeconds(20);
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final List<String> SHARED = IntStream.range(0, 6).mapToObj(i -> "cluster-" + i).toList();
    private static final String RACE = "cluster-race";
    private static final String KILL = "cluster-kill";

    private static EnvironmentFleet fleet;
    private static PostgresServer server;
    private static PostgresServer.Schema schema;
    private static LiftoffNode nodeA;
    private static LiftoffNode nodeB;

    @BeforeAll
    static void twoNodesOnOneSchema() {
        server = PostgresServer.configured().requireReachable("ClusterIT");
        schema = server.freshSchema();
        fleet = new EnvironmentFleet();
        // a deploy shows a moment after it was accepted: the node waiting for it polls
        fleet.showCommitsAfter(Duration.ofMillis(500));
        List<String> services = new ArrayList<>(SHARED);
        services.addAll(List.of(RACE, KILL));
        Path directory = LiftoffNode.testDirectory("ClusterIT");
        Path config = new FleetConfiguration(fleet, services).lockJobsFor(LOCK).writeTo(directory.resolve("fleet.yaml"));
        nodeA = node("node-a", directory, config).start();
        nodeB = node("node-b", directory, config).start();
    }

    /** the engine's job log names the node that ran each job (its hostname) */
    private static LiftoffNode node(String id, Path directory, Path config) {
        return new LiftoffNode(id, directory.resolve(id), config, schema, List.of("--camunda.bpm.generic-properties.properties.hostname=" + id));
    }

    @AfterAll
    static void stopNodesAndDropSchema() {
        if (nodeA != null && nodeB != null) {
            System.out.println("ClusterIT: " + new JobFailures(new LiftoffApi(nodeA.isRunning() ? nodeA : nodeB)));
        }
        for (LiftoffNode node : new LiftoffNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (schema != null) {
            schema.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void releasesStartedOnOneNodeAreApprovedOnTheOtherAndEveryTickRunsOnce() {
        Releases onA = new Releases(new LiftoffApi(nodeA));
        LiftoffApi apiB = new LiftoffApi(nodeB);
        Releases onB = new Releases(apiB);
        ScriptedApprover approver = new ScriptedApprover(apiB);
        List<String> started = SHARED.stream().map(service -> onA.start(service, "1.0.0", "c0ffee1")).toList();

        approver.walkToEnd(started, Duration.ofMinutes(5), onB);

        ReleaseInvariants invariants = new ReleaseInvariants(apiB);
        for (String release : started) {
            assertThat(onB.outcome(release)).as(onB.describe(release)).isEqualTo("RELEASED");
            ReleaseInvariants.deployedOnceEach(fleet, release.substring(0, release.indexOf('@')));
            invariants.everyApprovalKeptOnce(release);
            invariants.everyTickRanOnce(release);
        }
        for (LiftoffNode node : List.of(nodeA, nodeB)) {
            assertThat(apiB.json("admin", "/engine-rest/history/job-log/count?successLog=true&hostname=" + node.nodeId()).path("count")
                    .asLong()).as("jobs %s ran", node.nodeId()).isPositive();
        }
        invariants.noCamundaIncidents();
        assertThat(approver.errors()).as("answers to the approvers other than 204").isEmpty();
    }

    @Test
    @Order(2)
    void concurrentStartsOfOneServiceOnBothNodesStartExactlyOneRelease() throws Exception {
        int requests = 8;
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        List<Future<LiftoffApi.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                LiftoffApi node = new LiftoffApi(i % 2 == 0 ? nodeA : nodeB);
                // two versions, each asked for twice on each node
                Map<String, Object> request = Releases.request(RACE, "2.0." + (i / 2 % 2), "c0ffee" + (i / 2 % 2) + "0");
                replies.add(clients.submit(() -> {
                    ready.countDown();
                    go.await();
                    return node.post("ci-bot", "/api/releases", request);
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<LiftoffApi.Reply> reply : replies) {
                LiftoffApi.Reply answer = reply.get();
                statuses.add(answer.status());
                ids.add(answer.json().path(answer.status() == 409 ? "releaseId" : "id").asText());
            }
            assertThat(statuses).as("answers to the racing starts").containsOnly(201, 200, 409).containsOnlyOnce(201);
            assertThat(statuses.stream().filter(status -> status == 409)).as("requests for the version that lost").hasSize(4);
            assertThat(ids).as("the release each answer names").containsOnly(ids.get(statuses.indexOf(201)));
        } finally {
            clients.shutdownNow();
        }
        LiftoffApi apiA = new LiftoffApi(nodeA);
        Releases onA = new Releases(apiA);
        List<JsonNode> raceReleases = onA.roots().stream().filter(root -> root.path("businessKey").asText().startsWith(RACE + "@")).toList();
        assertThat(raceReleases).as("release instances of %s", RACE).hasSize(1);
        String release = raceReleases.get(0).path("businessKey").asText();
        new ScriptedApprover(apiA).walkToEnd(List.of(release), Duration.ofMinutes(3), onA);
        assertThat(onA.outcome(release)).as(onA.describe(release)).isEqualTo("RELEASED");
        new ReleaseInvariants(apiA).noCamundaIncidents();
    }

    @Test
    @Order(3)
    void aKilledNodesJobIsTakenUpByTheOtherNodeOnceItsLockExpires() {
        EnvironmentFleet.HeldDeploy held = fleet.holdNextDeploy(KILL, "production");
        Releases onA = new Releases(new LiftoffApi(nodeA));
        ScriptedApprover approver = new ScriptedApprover(new LiftoffApi(nodeB));
        String release = onA.start(KILL, "1.0.0", "c0ffee9");
        for (Step step : Step.values()) {
            approver.complete(step, release, STEP, onA);
        }
        EnvironmentFleet.DeployCall inFlight = held.awaitArrival(STEP, () -> onA.describe(release));
        Map<String, Object> deployJob = lockedDeployJob();
        LiftoffNode owner = nodeA.nodeId().equals(deployJob.get("LOCK_OWNER_")) ? nodeA : nodeB;
        LiftoffNode survivor = owner == nodeA ? nodeB : nodeA;
        Instant lockExpires = ((Timestamp) deployJob.get("LOCK_EXP_TIME_")).toInstant();

        owner.kill9();
        held.letGo();

        Releases onSurvivor = new Releases(new LiftoffApi(survivor));
        assertThat(onSurvivor.awaitOutcome(release, LOCK.plus(STEP))).as(onSurvivor.describe(release)).isEqualTo("RELEASED");
        List<EnvironmentFleet.DeployCall> calls = fleet.callsTo(KILL, "production");
        assertThat(calls).as("the production deploy, by %s and then by %s", owner.nodeId(), survivor.nodeId())
                .extracting(EnvironmentFleet.DeployCall::idempotencyKey, EnvironmentFleet.DeployCall::repeat)
                .containsExactly(tuple(inFlight.idempotencyKey(), false), tuple(inFlight.idempotencyKey(), true));
        assertThat(calls.get(1).receivedAt()).as("%s sent it again only once %s's lock had expired at %s", survivor.nodeId(),
                owner.nodeId(), lockExpires).isAfterOrEqualTo(lockExpires.minusSeconds(1));
        ReleaseInvariants invariants = new ReleaseInvariants(new LiftoffApi(survivor));
        ReleaseInvariants.deployedOnceEach(fleet, KILL);
        invariants.everyApprovalKeptOnce(release);
        invariants.everyTickRanOnce(release);
        invariants.noCamundaIncidents();
    }

    /** the production deploy job, locked by the node running it */
    private static Map<String, Object> lockedDeployJob() {
        List<Map<String, Object>> jobs = server.query("SELECT J.LOCK_OWNER_, J.LOCK_EXP_TIME_ FROM " + schema.name() + ".ACT_RU_JOB J JOIN "
                + schema.name() + ".ACT_RU_JOBDEF D ON D.ID_ = J.JOB_DEF_ID_ WHERE D.ACT_ID_ = 'Task_Deploy' AND J.LOCK_OWNER_ IS NOT NULL");
        assertThat(jobs).as("locked deploy jobs while the deploy call is held").hasSize(1);
        return jobs.get(0);
    }
}
