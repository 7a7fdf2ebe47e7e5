package dev.liftoff.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.operations.ScriptedApprover.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A Liftoff node killed as a crash kills it ({@code kill -9}: no shutdown, nothing flushed) at the
 * worst moments of a release, and started again with the same node id on the same database (the
 * H2 file, or PostgreSQL in the PostgreSQL pass): while a production deploy call is in flight,
 * during a monitoring window, and right after a sign-off was answered 204. Each release then ends
 * RELEASED, the environments saw each deploy once (a repeat only with the same idempotency key),
 * no decision was lost or doubled, no tick ran twice and no job was left failed.
 */
class CrashRecoveryIT {

    /** the longest wait for one step of a release on a busy machine */
    private static final Duration STEP = Duration.ofSeconds(90);

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

    private void start(TestInfo test, FleetConfiguration configuration) {
        Path directory = LiftoffNode.testDirectory(getClass().getSimpleName() + "/" + test.getTestMethod().orElseThrow().getName());
        Path config = configuration.writeTo(directory.resolve("fleet.yaml"));
        node = new LiftoffNode("crash-node", directory.resolve("node"), config, database, List.of()).start();
        LiftoffApi api = new LiftoffApi(node);
        releases = new Releases(api);
        approver = new ScriptedApprover(api);
        invariants = new ReleaseInvariants(api);
    }

    private void assertReleasedIntact(String release, String service) {
        ReleaseInvariants.deployedOnceEach(fleet, service);
        invariants.everyApprovalKeptOnce(release);
        invariants.everyTickRanOnce(release);
        invariants.noCamundaIncidents();
        assertThat(approver.errors()).as("answers to the approvers other than 204").isEmpty();
    }
}
