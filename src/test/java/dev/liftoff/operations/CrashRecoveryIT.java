package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.operations.ScriptedApprover.Step;
import dev.liftoff.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A Liftoff node killed as a crash kills it ({@code kill -9}: no shutdown, nothing flushed) at the
 * worst moments of a release, and started again with the same node id on the same database (the
 * H2 file, or PostgreSQL in the PostgreSQL pass): while a production deploy call is in flight,
 * during a monitoring window, right after a sign-off was answered 204, and while a canary's analysis
 * runs. Each release then ends RELEASED, the environments saw each deploy once (a repeat only with
 * the same idempotency key), the traffic adapter each weight once, no decision was lost or doubled,
 * no tick ran twice and no job was left failed.
 */
class CrashRecoveryIT {

    /** the longest wait for one step of a release on a busy machine */
    private static final Duration STEP = Duration.ofSeconds(90);
    /** a canary's steps: the first analysis lasts long enough to kill the node inside it */
    private static final String CANARY_STEPS = "[{set-weight: 10}, {analyze: {for: 15s}}, {set-weight: 50}, {analyze: {for: 5s}}, "
            + "{set-weight: 100}]";
    /** the comparison samples the health endpoint, its only request: 5 s at 5 pairs a second give 25 pairs, 8 are needed */
    private static final int PAIRS_PER_SECOND = 5;
    /** the job log's filter for every stage deploying a release: one release per test, one canary */
    private static final String DEPLOYMENTS = "processDefinitionKey=environment-deployment";
    /** the canary's jobs, each run to its end once: one per step of that kind, and the weight 0 after the promotion */
    private static final Map<String, Integer> CANARY_JOBS = Map.of("Task_DeployCanary", 1, "Task_AwaitCanary", 1,
            "Task_VerifyCanary", 1, "Task_SetCanaryWeight", 3, "Task_AnalyzeCanary", 2, "Task_PromoteCanary", 1,
            "Task_AwaitStable", 1, "Task_DrainCanary", 1);

    private EnvironmentFleet fleet;
    private NodeDatabase database;
    private LiftoffNode node;
    private Releases releases;
    private ScriptedApprover approver;
    private ReleaseInvariants invariants;

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
    void aDeployInFlightWhenTheNodeDiesIsSentAgainWithItsKeyAndAppliedOnce(TestInfo test) {
        String service = "crash-deploy";
        start(test, new FleetConfiguration(fleet, List.of(service)));
        EnvironmentFleet.HeldDeploy held = fleet.holdNextDeploy(service, "production");
        String release = releases.start(service, "1.0.0", "c0ffee1");
        for (Step step : Step.values()) {
            approver.complete(step, release, STEP, releases);
        }
        EnvironmentFleet.DeployCall inFlight = held.awaitArrival(STEP, () -> releases.describe(release));

        node.kill9();
        held.letGo();
        node.start();

        assertThat(releases.awaitOutcome(release, STEP)).as(releases.describe(release)).isEqualTo("RELEASED");
        assertThat(fleet.callsTo(service, "production")).as("the production deploy, before the crash and after the restart")
                .extracting(EnvironmentFleet.DeployCall::idempotencyKey, EnvironmentFleet.DeployCall::repeat)
                .containsExactly(tuple(inFlight.idempotencyKey(), false), tuple(inFlight.idempotencyKey(), true));
        assertReleasedIntact(release, service);
    }

    @Test
    void aMonitoringWindowGoesOnAfterARestartAndNoTickRunsTwice(TestInfo test) {
        String service = "crash-window";
        start(test, new FleetConfiguration(fleet, List.of(service)).watchStaging(Duration.ofSeconds(2), Duration.ofSeconds(20)));
        String release = releases.start(service, "1.0.0", "c0ffee2");
        approver.complete(Step.GO_NO_GO, release, STEP, releases);
        Releases.await(() -> "a first staging tick of " + release + "; " + releases.describe(release), STEP,
                () -> releases.variable(release, "stagingMonitoring").path("ticks").size() > 0);

        node.kill9();
        Instant killed = Instant.now();
        node.start();

        for (Step step : List.of(Step.UAT, Step.ENGINEERING, Step.SECURITY, Step.OPERATIONS, Step.PRODUCT)) {
            approver.complete(step, release, STEP, releases);
        }
        assertThat(releases.awaitOutcome(release, STEP)).as(releases.describe(release)).isEqualTo("RELEASED");
        List<Instant> ticks = new ArrayList<>();
        releases.variable(release, "stagingMonitoring").path("ticks").forEach(tick -> ticks.add(Instant.parse(tick.path("at").asText())));
        assertThat(ticks).as("staging ticks before the kill at %s and after the restart", killed)
                .anyMatch(at -> at.isBefore(killed)).anyMatch(at -> at.isAfter(killed));
        assertThat(invariants.everyTickRanOnce(release).get("staging")).as("ticks of a window of 2s for 20s").isBetween(2, 10);
        assertReleasedIntact(release, service);
    }

    @Test
    void aSignOffAnsweredJustBeforeTheCrashIsKeptAndTheOthersWaitForTheirSigners(TestInfo test) {
        String service = "crash-signoff";
        start(test, new FleetConfiguration(fleet, List.of(service)));
        String release = releases.start(service, "1.0.0", "c0ffee3");
        approver.complete(Step.GO_NO_GO, release, STEP, releases);
        approver.complete(Step.UAT, release, STEP, releases);
        approver.complete(Step.ENGINEERING, release, STEP, releases);

        // the 204 was received: kill before anything else happens
        node.kill9();
        node.start();

        JsonNode approvals = releases.variable(release, "approvals");
        assertThat(approvals.findValuesAsText("role")).as("approvals after the restart: %s", approvals)
                .containsExactly("release-managers", "uat-testers", "engineering-leads");
        assertThat(approver.openTasks(Step.ENGINEERING, release)).as("the engineering sign-off, answered before the crash").isZero();
        for (Step waiting : List.of(Step.SECURITY, Step.OPERATIONS, Step.PRODUCT)) {
            assertThat(approver.openTasks(waiting, release)).as("%s's sign-off after the restart", waiting).isEqualTo(1);
        }
        for (Step step : List.of(Step.SECURITY, Step.OPERATIONS, Step.PRODUCT)) {
            approver.complete(step, release, STEP, releases);
        }
        assertThat(releases.awaitOutcome(release, STEP)).as(releases.describe(release)).isEqualTo("RELEASED");
        assertReleasedIntact(release, service);
    }

    @Test
    void aCanaryKilledDuringAnAnalysisGoesOnAtThatStepAndNoWeightChangesTwice(TestInfo test) {
        // the PostgreSQL pass repeats what a database could change; a canary's steps are jobs like any
        // other, whose crash recovery on PostgreSQL the scenarios above prove: this one runs on H2 alone
        assumeFalse(TestDatabase.onPostgres(), "a canary's crash recovery is proven in the H2 pass");
        String service = "crash-canary";
        start(test, new FleetConfiguration(fleet, List.of(service)).productionAsCanary(service, CANARY_STEPS, PAIRS_PER_SECOND));
        String release = releases.start(service, "1.0.0", "c0ffee4");
        for (Step step : Step.values()) {
            approver.complete(step, release, STEP, releases);
        }
        // the canary has 10 % and the first analysis has sampled the stable version (which nothing else asks before the
        // promotion) for about 5 of its 15 seconds
        Releases.await(() -> "5 s into the first analysis of " + release + "'s canary; traffic " + fleet.trafficTo(service, "production")
                + "; " + releases.describe(release), STEP, () -> !fleet.trafficTo(service, "production").isEmpty()
                && fleet.requestsTo(service, "production", EnvironmentFleet.Slot.STABLE).size() >= 5 * PAIRS_PER_SECOND);

        node.kill9();
        Instant killed = Instant.now();
        node.start();
        // the same node id: the analysis's job is released at start, not left locked for the 15 minutes of its lock
        assertThat(node.log()).as("the restarted node's log").content().contains("Node crash-node stopped without letting go of");

        // the analysis again from its start, the second one, the promotion and production's window
        assertThat(releases.awaitOutcome(release, STEP.multipliedBy(2))).as(releases.describe(release)).isEqualTo("RELEASED");
        List<EnvironmentFleet.TrafficCall> traffic = fleet.trafficTo(service, "production");
        assertThat(traffic).as("the traffic webhook's first call of each Idempotency-Key").filteredOn(call -> !call.repeat())
                .extracting(EnvironmentFleet.TrafficCall::weight).containsExactly(10, 50, 100, 0);
        assertThat(traffic.stream().map(call -> call.idempotencyKey() + " " + call.weight()).distinct())
                .as("Idempotency-Key and weight of every traffic call: a repeat carries its first call's key and weight").hasSize(4);
        assertThat(traffic).as("traffic calls with weight 10, set before the kill at %s", killed)
                .filteredOn(call -> call.weight() == 10).singleElement().matches(call -> call.receivedAt().isBefore(killed));
        assertResumedAtTheAnalysis(release, service, killed, traffic);
        assertThat(fleet.callsTo(service, "production")).as("the canary's deploy, before the kill, and the promotion")
                .extracting(EnvironmentFleet.DeployCall::slot, EnvironmentFleet.DeployCall::repeat)
                .containsExactly(tuple("canary", false), tuple(null, false));
        assertReleasedIntact(release, service);
    }

    private void start(TestInfo test, FleetConfiguration configuration) {
        Path directory = LiftoffNode.testDirectory(getClass().getSimpleName() + "/" + test.getTestMethod().orElseThrow().getName());
        Path config = configuration.writeTo(directory.resolve("fleet.yaml"));
        node = new LiftoffNode("crash-node", directory.resolve("node"), config, database, List.of()).start();
        LiftoffApi api = new LiftoffApi(node);
        releases = new Releases(api);
        approver = new ScriptedApprover(api);
        invariants = new ReleaseInvariants(api);
    }

    /**
     * The analysis the kill interrupted ran again from the start of its step, not the release from
     * its beginning: the stable version was sampled before the kill and again before weight 50; the
     * engine's job log shows that step's job, created before the kill, ended once, after it, and
     * every other job of the canary once; the canary's record has each step once, the interrupted
     * analysis passed after the kill. (The interrupted run itself left nothing in the engine: its
     * transaction never committed.)
     */
    private void assertResumedAtTheAnalysis(String release, String service, Instant killed, List<EnvironmentFleet.TrafficCall> traffic) {
        Instant fifty = traffic.stream().filter(call -> call.weight() == 50).findFirst().orElseThrow().receivedAt();
        List<Instant> sampled = fleet.requestsTo(service, "production", EnvironmentFleet.Slot.STABLE);
        assertThat(sampled).as("the stable version sampled before the kill at %s and again before weight 50 at %s", killed, fifty)
                .anyMatch(at -> at.isBefore(killed)).anyMatch(at -> at.isAfter(killed) && at.isBefore(fifty));

        CANARY_JOBS.forEach((activity, jobs) -> assertThat(invariants.successfulRuns(DEPLOYMENTS, activity).values())
                .as("successful runs of each %s job", activity).hasSize(jobs).allMatch(runs -> runs == 1));
        List<JsonNode> analyses = invariants.jobLog(DEPLOYMENTS, "Task_AnalyzeCanary");
        String interrupted = analyses.stream().filter(log -> log.path("creationLog").asBoolean()).map(log -> log.path("jobId").asText())
                .findFirst().orElseThrow();
        assertThat(analyses).as("the job log of the analyses; the first analysis's job %s", interrupted)
                .filteredOn(log -> log.path("jobId").asText().equals(interrupted))
                .extracting(log -> log.path("creationLog").asBoolean(), log -> log.path("successLog").asBoolean(),
                        log -> ReleaseInvariants.timestamp(log).isAfter(killed))
                .containsExactly(tuple(true, false, false), tuple(false, true, true));

        JsonNode steps = releases.variable(release, "productionCanary").path("steps");
        assertThat(steps).as("productionCanary steps").extracting(step -> step.path("step").asInt(), step -> step.path("result").asText())
                .containsExactly(tuple(1, "done"), tuple(2, "passed"), tuple(3, "done"), tuple(4, "passed"), tuple(5, "done"),
                        tuple(0, "done"));
        assertThat(Instant.parse(steps.get(1).path("at").asText())).as("when the interrupted analysis passed").isAfter(killed);
    }

    private void assertReleasedIntact(String release, String service) {
        ReleaseInvariants.deployedOnceEach(fleet, service);
        invariants.everyApprovalKeptOnce(release);
        invariants.everyTickRanOnce(release);
        invariants.noCamundaIncidents();
        assertThat(approver.errors()).as("answers to the approvers other than 204").isEmpty();
    }
}
