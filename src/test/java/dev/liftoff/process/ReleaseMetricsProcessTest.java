package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Liftoff's own metrics, read from a real registry while releases run through the real BPMN of every
 * stage: what each outcome, gate, verification and rollback adds, with the clock moved to give
 * waits a known length, and a failed job that is retried counted once.
 */
@Deployment(resources = {
        "processes/release-lifecycle.bpmn", "processes/pre-deployment-checks.bpmn",
        "processes/environment-deployment.bpmn", "processes/uat-signoff.bpmn", "processes/uat-feedback-verdict.dmn", "processes/go-live-signoff.bpmn",
        "processes/rollback.bpmn", "processes/release-closure.bpmn", "processes/monitoring-window.bpmn",
        "incident-response-stand-in.bpmn", "processes/release-notification.bpmn",
        "forms/go-no-go.form", "forms/uat.form", "forms/go-live-signoff.form", "forms/manual-intervention.form"})
class ReleaseMetricsProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("camunda-metrics-test.cfg.xml").build();

    private static final String RELEASES = "liftoff.releases";
    private static final String DURATION = "liftoff.release.duration";
    private static final String GATE = "liftoff.gate.wait";
    private static final String VERIFICATION = "liftoff.verification";
    private static final String ROLLBACKS = "liftoff.rollbacks";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private TestMeters.Snapshot meters;

    @BeforeEach
    void startTheClock() {
        ClockUtil.setCurrentTime(Date.from(START));
        meters = TestMeters.snapshot();
    }

    @Test
    void aReleasedReleaseCountsOnceWithItsDurationItsGatesAndItsVerifications() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        at(Duration.ofHours(2));
        decideGo(release);
        at(Duration.ofHours(5));
        passUat(release);
        at(Duration.ofHours(6).plusMinutes(30));
        approveAllRoles(release);

        assertThat(release).isEnded().hasPassed("EndEvent_Released");
        assertThat(meters.added(RELEASES, "service", TestServices.SHOP, "outcome", "RELEASED")).isEqualTo(1);
        assertThat(meters.added(RELEASES)).isEqualTo(1);
        assertThat(meters.added(DURATION, "service", TestServices.SHOP)).isEqualTo(1);
        assertThat(meters.addedTime(DURATION, "service", TestServices.SHOP)).isEqualTo(Duration.ofHours(6).plusMinutes(30));
        // each gate as long as it stood open: Go/No-Go from the start, UAT from the Go, the sign-offs from the UAT's end
        assertGate("go-no-go", "completed", Duration.ofHours(2));
        assertGate("uat", "completed", Duration.ofHours(3));
        assertGate("signoff:engineering-leads", "completed", Duration.ofMinutes(90));
        assertGate("signoff:security-leads", "completed", Duration.ofMinutes(90));
        assertThat(meters.added(GATE)).isEqualTo(4);
        assertThat(meters.added(VERIFICATION, "environment", "staging")).isEqualTo(1);
        assertThat(meters.added(VERIFICATION, "environment", "production")).isEqualTo(1);
        assertThat(meters.added(VERIFICATION)).isEqualTo(2);
        assertThat(meters.added(ROLLBACKS)).isZero();
        // reading the starts in the ending transactions leaves the engine's own history whole
        var history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(release.getId()).singleResult().getDurationInMillis())
                .isEqualTo(Duration.ofHours(6).plusMinutes(30).toMillis());
        assertThat(history.createHistoricActivityInstanceQuery().activityId(Activities.VERIFY_ENVIRONMENT).finished().list()
                .stream().filter(step -> step.getRootProcessInstanceId().equals(release.getId()))).hasSize(2);
    }

    @Test
    void aNoGoCountsAsRejected() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        at(Duration.ofMinutes(40));
        completeAs("rita", task(release, Activities.GO_NO_GO_TASK), Map.of(Vars.DECISION, "NO_GO", Vars.COMMENT, "freeze week"));

        assertThat(release).isEnded().hasPassed("EndEvent_Rejected");
        assertThat(meters.added(RELEASES, "service", TestServices.SHOP, "outcome", "REJECTED")).isEqualTo(1);
        assertThat(meters.addedTime(DURATION, "service", TestServices.SHOP)).isEqualTo(Duration.ofMinutes(40));
        assertGate("go-no-go", "completed", Duration.ofMinutes(40));
        assertThat(meters.added(VERIFICATION)).isZero();
    }

    @Test
    void anInvalidRequestCountsUnderUnknownWhateverServiceItNames() {
        ProcessInstance release = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.RELEASE_LIFECYCLE,
                Variables.createVariables().putValue(Vars.SERVICE, "no-such-service").putValue(Vars.VERSION, "1.0")
                        .putValue(Vars.COMMIT_SHA, "xyz").putValue(Vars.REQUESTED_BY, "erin"));
        runJobs();

        assertThat(release).isEnded().hasPassed("Task_RejectInvalidRequest");
        assertThat(meters.added(RELEASES, "service", "unknown", "outcome", "REJECTED")).isEqualTo(1);
        assertThat(meters.series(RELEASES)).noneMatch(id -> "no-such-service".equals(id.getTag("service")));
    }

    @Test
    void aRefusedSignoffCompletesOneGateAndCancelsTheOther() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        at(Duration.ofHours(1));
        Task security = tasks(release, Activities.SIGN_OFF_TASK).get(1);
        completeAs("sam", security, Map.of(Vars.DECISION, "REJECT", Vars.COMMENT, "CSP header missing"));

        assertThat(release).isEnded().hasPassed("EndEvent_Rejected");
        assertGate("signoff:security-leads", "completed", Duration.ofHours(1));
        assertGate("signoff:engineering-leads", "cancelled", Duration.ofHours(1));
        assertThat(meters.added(RELEASES, "service", TestServices.SHOP, "outcome", "REJECTED")).isEqualTo(1);
    }

    @Test
    void aFailedProductionVerificationCountsARollbackAndBothVerifications() {
        standIns.failingEnvironments.add("production");
        ProcessInstance release = releaseThroughSignoff(TestServices.SHOP);

        assertThat(release).isEnded().hasPassed("BoundaryEvent_ProductionVerificationFailed", "EndEvent_RolledBack");
        assertThat(meters.added(ROLLBACKS, "service", TestServices.SHOP, "reason", "verification-failed")).isEqualTo(1);
        assertThat(meters.added(ROLLBACKS)).isEqualTo(1);
        assertThat(meters.added(RELEASES, "service", TestServices.SHOP, "outcome", "ROLLED_BACK")).isEqualTo(1);
        // the failed production verification is timed too; the restored version's check counts apart
        assertThat(meters.added(VERIFICATION, "environment", "production")).isEqualTo(1);
        assertThat(meters.added(VERIFICATION, "environment", "rollback")).isEqualTo(1);
    }

    @Test
    void aTrippedTriggerCountsARollbackByTrigger() {
        standIns.stoppingTicks.put("production", "error rate 25.0 % above the threshold for 5m");
        ProcessInstance release = startRelease(TestServices.RADAR, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        at(Duration.ofMinutes(15));
        at(Duration.ofMinutes(30));
        approveAllRoles(release);
        at(Duration.ofMinutes(40));

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackTriggered", "EndEvent_RolledBack");
        assertThat(meters.added(ROLLBACKS, "service", TestServices.RADAR, "reason", "trigger")).isEqualTo(1);
        assertThat(meters.added(ROLLBACKS)).isEqualTo(1);
        assertThat(meters.added(RELEASES, "service", TestServices.RADAR, "outcome", "ROLLED_BACK")).isEqualTo(1);
    }

    @Test
    void aRequestedRollbackCountsAsRequested() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        List<Task> signoffs = tasks(release, Activities.SIGN_OFF_TASK);
        completeAs("eli", signoffs.get(0), Map.of(Vars.DECISION, "APPROVE"));
        completeWithoutRunningJobs("sam", signoffs.get(1), Map.of(Vars.DECISION, "APPROVE"));
        executeNextJob(); // leaves the sign-off and enters production
        executeNextJob(); // measures production's latency before the deploy
        executeNextJob(); // records what production runs
        executeNextJob(); // deploys; waiting for production to report the commit is the next job

        engine.getIdentityService().setAuthenticatedUserId("otto");
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_ROLLBACK_REQUESTED)
                .processInstanceBusinessKey(release.getBusinessKey()).setVariable(Vars.ROLLBACK_REASON, "error rate climbing").correlate();
        engine.getIdentityService().clearAuthentication();
        runJobs();

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackRequested", "EndEvent_RolledBack");
        assertThat(meters.added(ROLLBACKS, "service", TestServices.SHOP, "reason", "requested")).isEqualTo(1);
        assertThat(meters.added(ROLLBACKS)).isEqualTo(1);
        // production never reached its verification
        assertThat(meters.added(VERIFICATION, "environment", "production")).isZero();
    }

    @Test
    void aFailedJobThatIsRetriedCountsOnce() {
        standIns.failingEnvironments.add("production");
        JavaDelegate raise = (JavaDelegate) Mocks.get("raiseReleaseIncident");
        AtomicInteger attempts = new AtomicInteger();
        // the rollback's first step fails once, in the transaction of the verification that started it
        Mocks.register("raiseReleaseIncident", (JavaDelegate) execution -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("issue tracker answered 502");
            }
            raise.execute(execution);
        });
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        List<Task> signoffs = tasks(release, Activities.SIGN_OFF_TASK);
        completeAs("eli", signoffs.get(0), Map.of(Vars.DECISION, "APPROVE"));
        completeWithoutRunningJobs("sam", signoffs.get(1), Map.of(Vars.DECISION, "APPROVE"));

        assertThatThrownBy(this::runJobs).hasMessageContaining("issue tracker answered 502");
        Job failed = engine.getManagementService().createJobQuery().withException().singleResult();
        assertThat(failed.getRetries()).isEqualTo(2);
        assertThat(meters.added(ROLLBACKS)).isZero();
        assertThat(meters.added(VERIFICATION, "environment", "production")).isZero();

        at(Duration.ofSeconds(11));

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        assertThat(attempts).hasValue(2);
        assertThat(meters.added(ROLLBACKS, "service", TestServices.SHOP, "reason", "verification-failed")).isEqualTo(1);
        assertThat(meters.added(VERIFICATION, "environment", "production")).isEqualTo(1);
        assertThat(meters.added(RELEASES, "service", TestServices.SHOP, "outcome", "ROLLED_BACK")).isEqualTo(1);
    }

    @Test
    void aReleaseDeletedByAnOperatorCountsAsCancelledWithItsOpenGate() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        at(Duration.ofHours(3));

        // as Cockpit and bin/liftoff's cleanup delete: without the model's own listeners
        engine.getRuntimeService().deleteProcessInstance(release.getId(), "started by mistake", true);

        assertThat(meters.added(RELEASES, "service", TestServices.SHOP, "outcome", "CANCELLED")).isEqualTo(1);
        assertThat(meters.addedTime(DURATION, "service", TestServices.SHOP)).isEqualTo(Duration.ofHours(3));
        assertGate("go-no-go", "cancelled", Duration.ofHours(3));
    }

    @Test
    void aManualInterventionIsAGateOfItsOwn() {
        standIns.failingEnvironments.add("production");
        standIns.restoredVersionVerifies = false;
        ProcessInstance release = releaseThroughSignoff(TestServices.SHOP);
        at(Duration.ofMinutes(25));
        completeAs("otto", task(release, Activities.MANUAL_INTERVENTION_TASK), Map.of(
                Vars.INTERVENTION_ACTIONS, "Restored 1.0.0 by hand; smoke suite green", Vars.PRODUCTION_RESTORED, "YES"));

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        assertGate("manual-intervention", "completed", Duration.ofMinutes(25));
        assertThat(meters.added(VERIFICATION, "environment", "rollback")).isEqualTo(1);
    }

    private void assertGate(String gate, String ended, Duration open) {
        assertThat(meters.added(GATE, "gate", gate, "ended", ended)).as("%s %s", gate, ended).isEqualTo(1);
        assertThat(meters.addedTime(GATE, "gate", gate, "ended", ended)).as("%s %s waited", gate, ended).isEqualTo(open);
    }

    /** moves the clock to that long after the test's start and runs what fell due */
    private void at(Duration sinceStart) {
        passTo(START.plus(sinceStart));
    }

    private ProcessInstance releaseThroughSignoff(String service) {
        ProcessInstance release = startRelease(service, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        approveAllRoles(release);
        return release;
    }
}
