package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.analysis.TriggerWatch;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code release-lifecycle}, through the real BPMN of every stage. */
@Deployment(resources = {
        "processes/release-lifecycle.bpmn", "processes/pre-deployment-checks.bpmn",
        "processes/environment-deployment.bpmn", "processes/uat-signoff.bpmn", "processes/uat-feedback-verdict.dmn", "processes/go-live-signoff.bpmn",
        "processes/rollback.bpmn", "processes/release-closure.bpmn", "processes/monitoring-window.bpmn",
        "incident-response-stand-in.bpmn", "processes/release-notification.bpmn",
        "forms/go-no-go.form", "forms/uat.form", "forms/go-live-signoff.form", "forms/manual-intervention.form",
        "forms/inconclusive-metrics.form", "forms/canary-decision.form"})
class ReleaseLifecycleProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @Test
    void approvedReleaseGoesLiveAndIsSummarised() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        approveAllRoles(release);

        assertThat(release).isEnded().hasPassed("Task_RecordReleased", "CallActivity_ReleaseClosure", "EndEvent_Released");
        assertThat(outcomeOf(release, Vars.OUTCOME)).isEqualTo("RELEASED");
        assertThat(outcomeOf(release, Vars.STARTED_BY)).isEqualTo("ci-bot");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release), "production:" + version(release));

        JsonNode summary = json(release, Vars.RELEASE_SUMMARY);
        assertThat(summary.path("outcome").asText()).isEqualTo("RELEASED");
        assertThat(summary.path("approvals")).extracting(a -> a.path("user").asText())
                .containsExactly("rita", "ursula", "eli", "sam");
        assertThat(summary.path("stages")).extracting(s -> s.path("activityId").asText())
                .contains("CallActivity_PreDeploymentChecks", "CallActivity_DeployToStaging", "CallActivity_UatSignoff",
                        "CallActivity_GoLiveSignoff", "SubProcess_Production", "CallActivity_ReleaseClosure");
        assertThat(summary.path("checks").path("staging").path("passed").asBoolean()).isTrue();
        assertThat(json(release, Vars.UAT_FEEDBACK).get(0).path("issues").get(0).path("severity").asText()).isEqualTo("Sev-3");
        assertThat(standIns.stakeholderMails).containsExactly(release.getBusinessKey() + ": RELEASED");
    }

    @Test
    void invalidRequestIsRejectedBeforeAnythingRuns() {
        ProcessInstance release = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.RELEASE_LIFECYCLE,
                Variables.createVariables().putValue(Vars.SERVICE, "nope").putValue(Vars.VERSION, "1.0;rm -rf /")
                        .putValue(Vars.COMMIT_SHA, "xyz").putValue(Vars.REQUESTED_BY, "erin"));
        runJobs();

        assertThat(release).isEnded().hasPassed("Task_RejectInvalidRequest", "EndEvent_Rejected")
                .hasNotPassed("CallActivity_PreDeploymentChecks");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON))
                .contains("service 'nope' is not configured", "version '1.0;rm -rf /'", "commitSha 'xyz'");
        assertThat(standIns.deploys).isEmpty();
    }

    @Test
    void aBusinessKeyOtherThanServiceAtVersionIsRefused() {
        ProcessInstance release = engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.RELEASE_LIFECYCLE,
                TestServices.SHOP + "-1.0.0", Variables.createVariables().putValue(Vars.SERVICE, TestServices.SHOP)
                        .putValue(Vars.VERSION, "1.0.0").putValue(Vars.COMMIT_SHA, "abcdef1234").putValue(Vars.REQUESTED_BY, "erin"));
        runJobs();

        assertThat(release).isEnded().hasPassed("Task_RejectInvalidRequest").hasNotPassed("CallActivity_PreDeploymentChecks");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON)).contains("the business key must be '" + TestServices.SHOP
                + "@1.0.0' (<service>@<version>), not '" + TestServices.SHOP + "-1.0.0'");
        assertThat(standIns.deploys).isEmpty();
    }

    @Test
    void failedReadinessIsANoGoWithoutAskingAnyone() {
        standIns.ready = false;
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();

        assertThat(release).isEnded().hasPassed("Task_RejectNoGo", "EndEvent_Rejected");
        assertThat(passedInStages(release)).contains("EndEvent_NotReady").doesNotContain("UserTask_GoNoGo");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON)).contains("Pre-deployment checks failed");
    }

    @Test
    void noGoRejectsWithTheManagersReason() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        Task goNoGo = task(release, "UserTask_GoNoGo");

        engine.getIdentityService().setAuthenticatedUserId("rita");
        assertThatThrownBy(() -> engine.getTaskService().complete(goNoGo.getId(), Map.of(Vars.DECISION, "NO_GO")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("comment is required");
        completeAs("rita", goNoGo, Map.of(Vars.DECISION, "NO_GO", Vars.COMMENT, "freeze week"));

        assertThat(release).isEnded().hasPassed("Task_RejectNoGo", "EndEvent_Rejected");
        assertThat(outcomeOf(release, Vars.OUTCOME)).isEqualTo("REJECTED");
        assertThat(outcomeOf(release, Vars.OUTCOME_REASON)).isEqualTo("No-Go by rita: freeze week");
        assertThat(standIns.deploys).isEmpty();
    }

    @Test
    void failedStagingVerificationFailsTheReleaseBeforeProduction() {
        standIns.failingEnvironments.add("staging");
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);

        assertThat(release).isEnded().hasPassed("BoundaryEvent_StagingVerificationFailed", "Task_FailStaging", "EndEvent_Failed");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON)).contains("Staging verification failed", "status 500");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release));
        assertThat(json(release, Vars.RELEASE_SUMMARY).path("checks").path("staging").path("passed").asBoolean()).isFalse();
    }

    @Test
    void failedUatRejectsWithEveryReason() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        completeAs("uma", task(release, "UserTask_Uat"), Map.of(
                Vars.SCENARIOS_PASSED, JsonVars.json(List.of("Sign in")),
                Vars.ISSUES, JsonVars.json(List.of(Map.of("severity", "Sev-2", "description", "Checkout times out"))),
                Vars.CONFIDENCE, 2,
                Vars.DECISION, "GO"));

        assertThat(release).isEnded().hasPassed("Task_RejectUat", "EndEvent_Rejected").hasNotPassed("CallActivity_GoLiveSignoff");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON))
                .contains("uma's confidence 2 is below the minimum 3", "Sev-2 issue: Checkout times out");
        JsonNode feedback = json(release, Vars.UAT_FEEDBACK).get(0);
        assertThat(feedback.path("scenariosFailed").get(0).asText()).isEqualTo("Check out a basket");
    }

    @Test
    void oneRefusedSignoffRejectsAndClosesTheOthers() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        Task security = tasks(release, "UserTask_SignOff").get(1);
        completeAs("sam", security, Map.of(Vars.DECISION, "REJECT", Vars.COMMENT, "CSP header missing"));

        assertThat(release).isEnded().hasPassed("Task_RejectSignoff", "EndEvent_Rejected").hasNotPassed("SubProcess_Production");
        assertThat(outcomeOf(release, Vars.OUTCOME_REASON))
                .isEqualTo("Go-live sign-off refused by sam for security-leads: CSP header missing");
        assertThat(tasks(release, "UserTask_SignOff")).isEmpty();
    }

    @Test
    void fourEyesRefusesTheRequesterTheStarterAndASecondRole() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "eli");
        runJobs();
        decideGo(release);
        passUat(release);
        Task engineering = tasks(release, "UserTask_SignOff").get(0);
        Task security = tasks(release, "UserTask_SignOff").get(1);

        assertThatThrownBy(() -> completeAs("erin", engineering, Map.of(Vars.DECISION, "APPROVE")))
                .hasMessageContaining("erin may not sign this go-live: erin requested this release");
        assertThatThrownBy(() -> completeAs("eli", engineering, Map.of(Vars.DECISION, "APPROVE")))
                .hasMessageContaining("eli started this release");
        completeAs("sam", security, Map.of(Vars.DECISION, "APPROVE"));
        assertThatThrownBy(() -> completeAs("sam", engineering, Map.of(Vars.DECISION, "APPROVE")))
                .hasMessageContaining("sam may not sign this go-live: sam already signed for security-leads");
        engine.getIdentityService().setAuthenticatedUserId("sue");
        assertThatThrownBy(() -> engine.getTaskService().claim(engineering.getId(), "erin"))
                .hasMessageContaining("erin requested this release");
        assertThatThrownBy(() -> engine.getTaskService().claim(engineering.getId(), "pete"))
                .hasMessageContaining("sue may claim this sign-off only for themselves, not for pete");
        engine.getIdentityService().clearAuthentication();

        completeAs("eve", engineering, Map.of(Vars.DECISION, "APPROVE"));
        assertThat(release).isEnded().hasPassed("EndEvent_Released");
    }

    @Test
    void failedProductionVerificationRollsBackToWhatRanBefore() {
        standIns.failingEnvironments.add("production");
        ProcessInstance release = releaseThroughSignoff();

        assertThat(release).isEnded().hasPassed("BoundaryEvent_ProductionVerificationFailed", "CallActivity_Rollback",
                "Task_RecordRolledBack", "EndEvent_RolledBack");
        assertThat(standIns.deploys).containsExactly(
                "staging:" + version(release), "production:" + version(release), "production:1.0.0");
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER)).startsWith("production verification failed");
        JsonNode incident = json(release, "incidents").get(0);
        assertThat(incident.path("severity").asText()).isEqualTo("P1");
        assertThat(incident.path("title").asText()).startsWith("shop: production failure (");
        assertThat(json(release, Vars.RELEASE_SUMMARY).path("rollback").path("restored").path("source").asText())
                .isEqualTo("running before this release");
    }

    @Test
    void aPersonCanRequestARollbackWhileProductionIsDeployed() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        List<Task> signoffs = tasks(release, "UserTask_SignOff");
        completeAs("eli", signoffs.get(0), Map.of(Vars.DECISION, "APPROVE"));
        completeWithoutRunningJobs("sam", signoffs.get(1), Map.of(Vars.DECISION, "APPROVE"));
        executeNextJob(); // leaves the sign-off and enters production
        executeNextJob(); // measures production's latency before the deploy
        executeNextJob(); // records what production runs
        executeNextJob(); // measures production's metrics before the deploy
        executeNextJob(); // deploys; waiting for production to report the commit is the next job
        assertThat(standIns.deploys).last().isEqualTo("production:" + version(release));

        engine.getIdentityService().setAuthenticatedUserId("otto");
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_ROLLBACK_REQUESTED)
                .processInstanceBusinessKey(release.getBusinessKey())
                .setVariable(Vars.ROLLBACK_REASON, "error rate climbing")
                .setVariable(Vars.ROLLBACK_REQUESTED_BY, "someone-else")
                .correlate();
        engine.getIdentityService().clearAuthentication();
        runJobs();

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackRequested", "EndEvent_RolledBack");
        assertThat(outcomeOf(release, Vars.ROLLBACK_REQUESTED_BY)).isEqualTo("otto");
        assertThat(outcomeOf(release, Vars.ROLLBACK_TRIGGER)).isEqualTo("rollback requested by otto: error rate climbing");
        assertThat(outcomeOf(release, Vars.REQUESTED_BY)).isEqualTo("erin");
    }

    @Test
    void aCanaryThatFailsItsAnalysisRollsBackByItsWeightAndNamesTheStep() {
        standIns.failingCanarySteps.add(2);
        ProcessInstance release = releaseThroughSignoff(TestServices.FLOCK);

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        assertThat(standIns.canaryWeights).containsExactly("production:10", "production:0");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release), "production/canary:" + version(release));
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER)).contains("production canary step 2 failed: compared with stable");
    }

    @Test
    void aPersonCanRequestARollbackWhileACanaryPauses() {
        ProcessInstance release = releaseThroughSignoff(TestServices.FLOCK);
        assertThat(timers(release)).isEmpty();
        List<org.camunda.bpm.engine.runtime.Job> paused = engine.getManagementService().createJobQuery()
                .processDefinitionKey(ProcessKeys.ENVIRONMENT_DEPLOYMENT).timers().list();
        assertThat(paused).hasSize(1);
        assertThat(standIns.canaryWeights).containsExactly("production:10");

        engine.getIdentityService().setAuthenticatedUserId("otto");
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_ROLLBACK_REQUESTED)
                .processInstanceBusinessKey(release.getBusinessKey())
                .setVariable(Vars.ROLLBACK_REASON, "support tickets about slow quizzes")
                .correlate();
        engine.getIdentityService().clearAuthentication();
        runJobs();

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackRequested", "EndEvent_RolledBack");
        assertThat(standIns.canaryWeights).containsExactly("production:10", "production:0");
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(ProcessKeys.ENVIRONMENT_DEPLOYMENT).count())
                .as("the canary's pause went with it").isZero();
    }

    @Test
    void aCanaryApprovedAtItsPauseIsPromotedAndReleased() {
        ProcessInstance release = flockCanaryAwaitingApproval();
        completeAs("rita", task(release, Activities.DECIDE_CANARY), Map.of(Vars.CANARY_DECISION, Decisions.PROMOTE));
        runJobs();
        passMinutes(60 * 25);

        assertThat(release).isEnded().hasPassed("EndEvent_Released");
        assertThat(standIns.canaryWeights).containsExactly("production:10", "production:50", "production:0");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release), "production/canary:" + version(release),
                "production:" + version(release));
    }

    @Test
    void aPromotedCanaryThatFailsItsVerificationIsRolledBackByRedeployingWhatRanBefore() {
        ProcessInstance release = flockCanaryAwaitingApproval();
        standIns.failingEnvironments.add("production");
        completeAs("rita", task(release, Activities.DECIDE_CANARY), Map.of(Vars.CANARY_DECISION, Decisions.PROMOTE));
        runJobs();

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        // promoted, so the stable version ran the release: the previous version is deployed again, no weight changes
        assertThat(standIns.deploys).last().isEqualTo("production:1.0.0");
        assertThat(standIns.canaryWeights).containsExactly("production:10", "production:50", "production:0");
    }

    @Test
    void aCanaryAbortedAtItsPauseRollsBackWithTheReason() {
        ProcessInstance release = flockCanaryAwaitingApproval();
        completeAs("rob", task(release, Activities.DECIDE_CANARY), Map.of(Vars.CANARY_DECISION, Decisions.ABORT,
                Vars.CANARY_COMMENT, "support tickets about slow quizzes"));
        runJobs();

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER)).contains("aborted by rob: support tickets about slow quizzes");
        assertThat(standIns.canaryWeights).containsExactly("production:10", "production:0");
    }

    @Test
    void anInconclusiveCanaryAnalysisIsDecidedByAPerson() {
        standIns.inconclusiveCanarySteps.add(2);
        ProcessInstance carriedOn = releaseThroughSignoff(TestServices.FLOCK);
        completeAs("otto", task(carriedOn, Activities.DECIDE_INCONCLUSIVE_CANARY),
                Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "Prometheus restarts"));
        assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(ProcessKeys.ENVIRONMENT_DEPLOYMENT).timers().count())
                .as("on to the pause").isEqualTo(1);

        ProcessInstance stopped = releaseAfter(carriedOn);
        completeAs("otto", task(stopped, Activities.DECIDE_INCONCLUSIVE_CANARY),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "no data, no canary"));
        runJobs();
        assertThat(stopped).isEnded().hasPassed("EndEvent_RolledBack");
        assertThat((String) outcomeOf(stopped, Vars.ROLLBACK_TRIGGER)).contains("otto stopped on inconclusive metrics");
    }

    /** a release of flock whose canary waits for a release manager at its fourth step */
    private ProcessInstance flockCanaryAwaitingApproval() {
        ProcessInstance release = releaseThroughSignoff(TestServices.FLOCK);
        org.camunda.bpm.engine.runtime.Job pause = engine.getManagementService().createJobQuery()
                .processDefinitionKey(ProcessKeys.ENVIRONMENT_DEPLOYMENT).timers().singleResult();
        engine.getManagementService().executeJob(pause.getId());
        runJobs();
        return release;
    }

    /** ends the first release by a rollback request so that the service may start another */
    private ProcessInstance releaseAfter(ProcessInstance first) {
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_ROLLBACK_REQUESTED)
                .processInstanceBusinessKey(first.getBusinessKey()).setVariable(Vars.ROLLBACK_REASON, "make way").correlate();
        runJobs();
        assertThat(first).isEnded();
        return releaseThroughSignoff(TestServices.FLOCK);
    }

    @Test
    void unverifiedRollbackFailsTheReleaseAfterOperationsSayProductionIsNotRestored() {
        standIns.failingEnvironments.add("production");
        standIns.restoredVersionVerifies = false;
        ProcessInstance release = releaseThroughSignoff();
        assertThat(release).isNotEnded();

        completeAs("otto", task(release, "UserTask_ManualIntervention"), Map.of(
                Vars.INTERVENTION_ACTIONS, "Scaled the old deployment up by hand; errors continue", Vars.PRODUCTION_RESTORED, "NO"));

        assertThat(release).isEnded().hasPassed("Task_RecordRollbackFailed", "EndEvent_Failed");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON))
                .startsWith("The restored version did not pass its verification")
                .endsWith("Manual intervention by otto: Scaled the old deployment up by hand; errors continue — production is not restored.");
        assertThat(json(release, "incidents")).extracting(incident -> incident.path("severity").asText() + " "
                        + incident.path("title").asText().replaceAll(" \\(.*", ""))
                .containsExactly("P1 shop: production failure", "P1 shop: production rollback failure");
    }

    @Test
    void rollbackWithNothingKnownToRestoreFailsAndSaysWhy() {
        standIns.failingEnvironments.add("production");
        standIns.previousVersionKnown = false;
        ProcessInstance release = startRelease(TestServices.LEDGER, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        approveAllRoles(release);
        completeAs("olga", task(release, "UserTask_ManualIntervention"), Map.of(
                Vars.INTERVENTION_ACTIONS, "No earlier build exists; left it running and opened a ticket", Vars.PRODUCTION_RESTORED, "NO"));

        assertThat(release).isEnded().hasPassed("Task_RecordRollbackFailed", "EndEvent_Failed");
        assertThat(passedInStages(release)).contains("UserTask_ManualIntervention").doesNotContain("Task_RedeployPreviousVersion");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON)).startsWith("Rollback impossible: no earlier version of ledger");
    }

    @Test
    void aRefusedRollbackThatOperationsRestoreByHandIsRolledBackInTheirName() {
        standIns.failingEnvironments.add("production");
        standIns.rollbackRefused = true;
        ProcessInstance release = releaseThroughSignoff();

        completeAs("otto", task(release, "UserTask_ManualIntervention"), Map.of(
                Vars.INTERVENTION_ACTIONS, "Deployed 1.0.0 from the console; smoke suite green", Vars.PRODUCTION_RESTORED, "YES"));

        assertThat(release).isEnded().hasPassed("Task_RecordRolledBack", "EndEvent_RolledBack");
        assertThat(passedInStages(release)).contains("BoundaryEvent_RestoreRefused");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON))
                .endsWith("otto confirmed that production is restored and verified.");
    }

    @Test
    void blueGreenReleaseIsSwitchedBackWhenTheLiveVersionFails() {
        standIns.failingEnvironments.add("production");
        ProcessInstance release = releaseThroughSignoff(TestServices.KIOSK);

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        assertThat(passedInStages(release)).contains("Task_VerifyIdleSlot", "Task_SwitchTraffic", "Task_SwitchTrafficBack");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release), "production/idle:" + version(release));
        assertThat(standIns.switches).containsExactly("production:" + version(release), "production:1.0.0");
    }

    @Test
    void blueGreenReleaseWhoseIdleSlotFailsNeverMovesTraffic() {
        standIns.failingEnvironments.add("production/idle");
        ProcessInstance release = releaseThroughSignoff(TestServices.KIOSK);

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
        assertThat(passedInStages(release)).contains("Gateway_TrafficSwitched", "Task_VerifyRestoredVersion")
                .doesNotContain("Task_SwitchTraffic", "Task_SwitchTrafficBack");
        assertThat(standIns.switches).isEmpty();
    }

    @Test
    void rollbackFallsBackToTheLastVersionLiftoffReleased() {
        ProcessInstance first = releaseThroughSignoff();
        assertThat(outcomeOf(first, Vars.OUTCOME)).isEqualTo("RELEASED");

        standIns.failingEnvironments.add("production");
        standIns.previousVersionKnown = false;
        ProcessInstance second = releaseThroughSignoff();

        assertThat(outcomeOf(second, Vars.OUTCOME)).isEqualTo("ROLLED_BACK");
        assertThat(standIns.deploys).last().isEqualTo("production:" + version(first));
    }

    @Test
    void stagingIsWatchedWhileUatRunsAndProductionWaitsForBothThenIsWatchedItself() {
        ProcessInstance release = startRelease(TestServices.RADAR, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        assertThat(tasks(release, "UserTask_SignOff")).as("production waits for the staging window").isEmpty();

        passMinutes(15);
        passMinutes(15);
        approveAllRoles(release);
        assertThat(standIns.baselines).containsExactly("production");
        assertThat(release).isActive();
        for (int minutes : new int[] {10, 10, 30, 30}) {
            passMinutes(minutes);
        }

        assertThat(release).isEnded().hasPassed("CallActivity_MonitorStaging", "CallActivity_MonitorProduction", "EndEvent_Released");
        assertThat(standIns.ticks).extracting(tick -> tick.substring(0, tick.indexOf('@')))
                .containsExactly("staging", "staging", "production", "production", "production", "production");
        assertThat(json(release, "stagingMonitoring").path("status").asText()).isEqualTo("completed");
        assertThat(json(release, "productionMonitoring").path("schedule").asText()).isEqualTo("every 10m for 20m, then every 30m for 1h");
        JsonNode watched = json(release, Vars.RELEASE_SUMMARY).path("monitoring");
        assertThat(watched.path("staging").path("status").asText()).isEqualTo("completed");
        assertThat(watched.path("production").path("schedule").asText()).isEqualTo("every 10m for 20m, then every 30m for 1h");
    }

    @Test
    void aPersonCanRequestARollbackWhileProductionIsWatched() {
        ProcessInstance release = watchedReleaseInProduction();
        passMinutes(10);
        assertThat(standIns.ticks).last().asString().startsWith("production@");

        engine.getIdentityService().setAuthentication("rob", List.of(Groups.RELEASE_MANAGERS));
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_ROLLBACK_REQUESTED)
                .processInstanceBusinessKey(release.getBusinessKey())
                .setVariable(Vars.ROLLBACK_REASON, "support tickets about checkout")
                .correlate();
        engine.getIdentityService().clearAuthentication();
        runJobs();

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackRequested", "EndEvent_RolledBack");
        assertThat(outcomeOf(release, Vars.ROLLBACK_TRIGGER)).isEqualTo("rollback requested by rob: support tickets about checkout");
        assertThat(json(release, Vars.RELEASE_SUMMARY).path("incidents").get(0).path("severity").asText()).isEqualTo("P1");
    }

    @Test
    void aFailedStagingTickFailsTheReleaseAndWithdrawsUat() {
        standIns.stoppingTicks.put("staging", "verification failed: 30/31 passed — score: status 500 (expected 200)");
        ProcessInstance release = startRelease(TestServices.RADAR, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        assertThat(tasks(release, "UserTask_Uat")).isNotEmpty();

        passMinutes(15);

        assertThat(release).isEnded().hasPassed("BoundaryEvent_StagingMonitoringFailed", "Task_FailStagingMonitoring", "EndEvent_Failed");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(release.getBusinessKey()).count()).isZero();
        JsonNode incident = json(release, "incidents").get(0);
        assertThat(incident.path("severity").asText()).isEqualTo("P2");
        assertThat(incident.path("title").asText()).startsWith("radar: staging monitoring failure (");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON)).isEqualTo("Staging failed while it was watched, production was not "
                + "touched: staging monitoring: verification failed: 30/31 passed — score: status 500 (expected 200)");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release));
    }

    @Test
    void aReleaseManagerMayCutTheStagingWindowShort() {
        ProcessInstance release = startRelease(TestServices.RADAR, "erin", "ci-bot");
        runJobs();
        decideGo(release);

        engine.getIdentityService().setAuthentication("rita", List.of(Groups.RELEASE_MANAGERS));
        engine.getRuntimeService().createMessageCorrelation(BpmnErrors.MESSAGE_WINDOW_CUT_SHORT)
                .processInstanceBusinessKey(release.getBusinessKey())
                .setVariable(Vars.CUT_SHORT_REASON, "urgent fix")
                .correlate();
        engine.getIdentityService().clearAuthentication();
        passUat(release);

        assertThat(tasks(release, "UserTask_SignOff")).hasSize(TestServices.ROLES.size());
        assertThat(json(release, "stagingMonitoring").path("cutShort").path("reason").asText()).isEqualTo("urgent fix");
    }

    @Test
    void aTriggerTrippedWhileProductionIsWatchedRollsBack() {
        standIns.stoppingTicks.put("production", "error rate 25.0 % (5 of 20 requests failed; threshold 5 %), above the threshold for 5m");
        ProcessInstance release = watchedReleaseInProduction();

        passMinutes(10);

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackTriggered", "CallActivity_Rollback", "EndEvent_RolledBack");
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER)).isEqualTo("production monitoring: error rate 25.0 % "
                + "(5 of 20 requests failed; threshold 5 %), above the threshold for 5m");
        assertThat(standIns.deploys).last().isEqualTo("production:1.0.0");
        assertThat(json(release, "productionMonitoring").path("status").asText()).isEqualTo("running");
    }

    @Test
    void inconclusiveProductionMetricsCarriedOnByOperationsGoLiveWithTheirReason() {
        standIns.inconclusiveEnvironments.add("production");
        ProcessInstance release = releaseThroughSignoff();

        Task decision = task(release, Activities.DECIDE_INCONCLUSIVE_VERIFICATION);
        completeAs("otto", decision, Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "Prometheus upgrade until 10:00"));

        assertThat(release).isEnded().hasPassed("EndEvent_Released");
        JsonNode decided = json(release, Vars.METRIC_DECISIONS).get(0);
        assertThat(decided.path("environment").asText()).isEqualTo("production");
        assertThat(decided.path("by").asText()).isEqualTo("otto");
        assertThat(decided.path("decision").asText()).isEqualTo("CARRY_ON");
    }

    @Test
    void inconclusiveStagingMetricsStoppedByAPersonFailTheReleaseBeforeProduction() {
        standIns.inconclusiveEnvironments.add("staging");
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);

        completeAs("rita", task(release, Activities.DECIDE_INCONCLUSIVE_VERIFICATION),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "no metrics, no release"));

        assertThat(release).isEnded().hasPassed("BoundaryEvent_StagingVerificationFailed", "EndEvent_Failed");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON)).isEqualTo("Staging verification failed, production was not touched: "
                + "staging rita stopped on inconclusive metrics (error-rate): no metrics, no release");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release));
    }

    @Test
    void anInconclusiveProductionTickStoppedByOperationsRollsBack() {
        standIns.inconclusiveTicks.add("production");
        ProcessInstance release = watchedReleaseInProduction();
        passMinutes(10);

        completeAs("otto", task(release, Activities.DECIDE_INCONCLUSIVE_TICK),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "blind in production: roll back"));

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackTriggered", "EndEvent_RolledBack");
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER))
                .isEqualTo("production monitoring: otto stopped on inconclusive metrics (error-rate): blind in production: roll back");
    }

    @Test
    void aStagingTickWithoutMetricsCarriedOnLetsTheReleaseGoOn() {
        standIns.inconclusiveTicks.add("staging");
        ProcessInstance release = startRelease(TestServices.RADAR, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        passMinutes(15);
        completeAs("rita", task(release, Activities.DECIDE_INCONCLUSIVE_TICK),
                Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "staging has no traffic now"));
        standIns.inconclusiveTicks.clear();
        passMinutes(15);

        assertThat(tasks(release, "UserTask_SignOff")).hasSize(TestServices.ROLES.size());
        assertThat(json(release, "stagingMonitoring").path("status").asText()).isEqualTo("completed");
    }

    @Test
    void aMetricTriggerThatFiresInProductionRollsBackNamingTheQuery() {
        standIns.triggerSteps.addAll(List.of(TriggerWatch.Step.CARRY_ON, TriggerWatch.Step.FIRE));
        ProcessInstance release = gaugeReleaseInProduction();
        assertThat(standIns.triggerMeasurements).as("staging has no trigger").isEmpty();

        passMinutes(1);
        passMinutes(1);

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackTriggered", "EndEvent_RolledBack");
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER))
                .startsWith("production monitoring: metric trigger error-rate: sum(rate(errors_total[1m]))");
        assertThat(standIns.triggerMeasurements).hasSize(2);
    }

    @Test
    void anInconclusiveMetricTriggerStoppedByOperationsRollsBack() {
        standIns.triggerSteps.add(TriggerWatch.Step.ASK);
        ProcessInstance release = gaugeReleaseInProduction();
        passMinutes(1);

        completeAs("olga", task(release, Activities.DECIDE_INCONCLUSIVE_TRIGGER),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "cannot see the error rate"));

        assertThat(release).isEnded().hasPassed("BoundaryEvent_RollbackTriggered", "EndEvent_RolledBack");
        assertThat((String) outcomeOf(release, Vars.ROLLBACK_TRIGGER))
                .isEqualTo("production monitoring: olga stopped on inconclusive metrics (error-rate): cannot see the error rate");
    }

    @Test
    void anInconclusiveMetricTriggerAsksOperationsAndTheReleaseGoesOnWhenTheyCarryOn() {
        standIns.triggerSteps.add(TriggerWatch.Step.ASK);
        ProcessInstance release = gaugeReleaseInProduction();
        passMinutes(1);

        completeAs("olga", task(release, Activities.DECIDE_INCONCLUSIVE_TRIGGER),
                Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "known scrape outage"));
        for (int minutes : new int[] {10, 10, 30, 30}) {
            passMinutes(minutes);
        }

        assertThat(release).isEnded().hasPassed("EndEvent_Released");
        assertThat(json(release, Vars.METRIC_DECISIONS).get(0).path("where").asText()).isEqualTo("rollback trigger");
    }

    @Test
    void lateTasksAreRemindedAndEscalatedAndStillDecide() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();

        passMinutes(22 * 60);
        passMinutes(2 * 60);
        assertThat(standIns.reminders).extracting(reminder -> reminder.substring(0, reminder.indexOf(" at ")))
                .containsExactly("reminder UserTask_GoNoGo", "overdue UserTask_GoNoGo");
        decideGo(release);

        passMinutes(44 * 60);
        passMinutes(4 * 60);
        assertThat(standIns.reminders).extracting(reminder -> reminder.substring(0, reminder.indexOf(" at ")))
                .containsExactly("reminder UserTask_GoNoGo", "overdue UserTask_GoNoGo", "reminder UserTask_Uat", "overdue UserTask_Uat");
        passUat(release);
        assertThat(tasks(release, "UserTask_SignOff")).hasSize(TestServices.ROLES.size());

        passMinutes(22 * 60);
        passMinutes(2 * 60);
        assertThat(standIns.reminders).extracting(reminder -> reminder.substring(0, reminder.indexOf(" at "))).containsExactly(
                "reminder UserTask_GoNoGo", "overdue UserTask_GoNoGo", "reminder UserTask_Uat", "overdue UserTask_Uat",
                "reminder UserTask_SignOff", "overdue UserTask_SignOff");
        approveAllRoles(release);
        assertThat(release).isEnded().hasPassed("EndEvent_Released");
    }

    @Test
    void aLateManualInterventionIsRemindedAndEscalatedAndStillDecides() {
        standIns.failingEnvironments.add("production");
        standIns.restoredVersionVerifies = false;
        ProcessInstance release = releaseThroughSignoff();

        passMinutes(45);
        passMinutes(15);
        assertThat(standIns.reminders).extracting(reminder -> reminder.substring(0, reminder.indexOf(" at ")))
                .containsExactly("reminder UserTask_ManualIntervention", "overdue UserTask_ManualIntervention");
        completeAs("otto", task(release, "UserTask_ManualIntervention"), Map.of(
                Vars.INTERVENTION_ACTIONS, "Restored 1.0.0 by hand; smoke suite green", Vars.PRODUCTION_RESTORED, "YES"));

        assertThat(release).isEnded().hasPassed("EndEvent_RolledBack");
    }

    @Test
    void anExpiredGoLiveRejectsTheRelease() {
        ProcessInstance release = startRelease(TestServices.SHOP, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);

        passMinutes(7 * 24 * 60);

        assertThat(release).isEnded().hasPassed("Task_RejectSignoff", "EndEvent_Rejected");
        assertThat((String) outcomeOf(release, Vars.OUTCOME_REASON))
                .startsWith("Go-live sign-off expired at ").endsWith(": engineering-leads, security-leads did not sign in time.");
        assertThat(standIns.deploys).containsExactly("staging:" + version(release));
    }

    @Test
    void namedTestersBothSayGoAndNeitherMaySignTheGoLive() {
        ProcessInstance release = startRelease(TestServices.PANEL, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        completeAs("ursula", uatTaskOf(release, "ursula"), uatFeedback("GO", 4));
        completeAs("uma", uatTaskOf(release, "uma"), uatFeedback("GO", 3));

        Task engineering = tasks(release, "UserTask_SignOff").get(0);
        assertThatThrownBy(() -> completeAs("uma", engineering, Map.of(Vars.DECISION, "APPROVE")))
                .hasMessageContaining("uma may not sign this go-live: uma tested this release in UAT (panel does not let UAT testers sign)");
        approveAllRoles(release);

        assertThat(release).isEnded().hasPassed("EndEvent_Released");
        JsonNode uat = json(release, Vars.RELEASE_SUMMARY).path("uat");
        assertThat(uat.path("passed").asBoolean()).isTrue();
        assertThat(uat.path("feedback")).extracting(feedback -> feedback.path("tester").asText() + " " + feedback.path("decision").asText())
                .containsExactly("ursula GO", "uma GO");
    }

    @Test
    void oneNamedTestersNoGoRejectsAndTheSummaryKeepsEveryTestersFeedback() {
        ProcessInstance release = startRelease(TestServices.PANEL, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        completeAs("uma", uatTaskOf(release, "uma"), Map.of(Vars.DECISION, "NO_GO", Vars.CONFIDENCE, 3, Vars.COMMENT, "checkout hangs",
                Vars.ISSUES, JsonVars.json(List.of(Map.of("severity", "Sev-2", "description", "Checkout hangs on pay")))));
        completeAs("ursula", uatTaskOf(release, "ursula"), uatFeedback("GO", 4));

        assertThat(release).isEnded().hasPassed("Task_RejectUat", "EndEvent_Rejected").hasNotPassed("CallActivity_GoLiveSignoff");
        assertThat(outcomeOf(release, Vars.OUTCOME)).isEqualTo("REJECTED");
        assertThat(outcomeOf(release, Vars.OUTCOME_REASON))
                .isEqualTo("UAT failed: uma said no-go (checkout hangs); uma reported a Sev-2 issue: Checkout hangs on pay.");
        JsonNode uat = json(release, Vars.RELEASE_SUMMARY).path("uat");
        assertThat(uat.path("passed").asBoolean()).isFalse();
        assertThat(uat.path("verdict").asText()).isEqualTo(outcomeOf(release, Vars.OUTCOME_REASON));
        assertThat(uat.path("feedback")).extracting(feedback -> feedback.path("tester").asText() + " " + feedback.path("decision").asText()
                        + " " + feedback.path("issues").size())
                .containsExactly("uma NO_GO 1", "ursula GO 0");
    }

    @Test
    void aUatThatExpiresRejectsTheReleaseNamingWhoGaveNoFeedback() {
        ProcessInstance release = startRelease(TestServices.PANEL, "erin", "ci-bot");
        runJobs();
        decideGo(release);

        passMinutes(48 * 60);
        assertThat(release).isActive();
        passMinutes(24 * 60);

        assertThat(release).isEnded().hasPassed("Task_RejectUat", "EndEvent_Rejected").hasNotPassed("CallActivity_GoLiveSignoff");
        assertThat(passedInStages(release)).contains("BoundaryEvent_UatExpired", "EndEvent_UatExpired");
        assertThat(outcomeOf(release, Vars.OUTCOME)).isEqualTo("REJECTED");
        assertThat(outcomeOf(release, Vars.OUTCOME_REASON)).isEqualTo("UAT expired after 72h: no feedback from ursula, uma.");
        assertThat(json(release, Vars.RELEASE_SUMMARY).path("uat").path("verdict").asText())
                .isEqualTo("UAT expired after 72h: no feedback from ursula, uma.");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(release.getBusinessKey()).count()).isZero();
    }

    @AfterEach
    void releaseTheClock() {
        ClockUtil.reset();
    }

    /** a release of radar through UAT, its staging window (two ticks) and the sign-offs: production is deployed and watched */
    private ProcessInstance watchedReleaseInProduction() {
        return watchedReleaseInProduction(TestServices.RADAR);
    }

    private ProcessInstance watchedReleaseInProduction(String service) {
        ProcessInstance release = startRelease(service, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        passMinutes(15);
        passMinutes(15);
        approveAllRoles(release);
        return release;
    }

    /** the same of gauge: production is watched by its metric trigger too */
    private ProcessInstance gaugeReleaseInProduction() {
        return watchedReleaseInProduction(TestServices.GAUGE);
    }

    private void passMinutes(int minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
        runJobs();
    }

    private ProcessInstance releaseThroughSignoff() {
        return releaseThroughSignoff(TestServices.SHOP);
    }

    private ProcessInstance releaseThroughSignoff(String service) {
        ProcessInstance release = startRelease(service, "erin", "ci-bot");
        runJobs();
        decideGo(release);
        passUat(release);
        approveAllRoles(release);
        return release;
    }

    private String version(ProcessInstance release) {
        return release.getBusinessKey().substring(release.getBusinessKey().indexOf('@') + 1);
    }

    private JsonNode json(ProcessInstance release, String variable) {
        Object value = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(release.getId()).variableName(variable).disableCustomObjectDeserialization()
                .singleResult().getTypedValue();
        try {
            return JsonVars.MAPPER.readTree(((JsonValue) value).getValueSerialized());
        } catch (Exception e) {
            throw new AssertionError(variable + " is not JSON", e);
        }
    }
}
