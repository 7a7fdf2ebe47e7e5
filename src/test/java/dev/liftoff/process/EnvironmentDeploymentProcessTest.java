package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "processes/environment-deployment.bpmn")
class EnvironmentDeploymentProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @Test
    void recordsDeploysWaitsAndVerifiesEachAsItsOwnStep() {
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "shop@2.0.0", Map.of(Vars.ENVIRONMENT, "staging"));
        assertThat(deployment).isWaitingAt("Task_RecordCurrentVersion");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_MeasureMetricBaseline");
        executeNextJob();
        assertThat(standIns.metricBaselines).containsExactly("staging");
        assertThat(deployment).isWaitingAt("Task_Deploy");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_AwaitDeployedVersion");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_VerifyEnvironment");
        executeNextJob();

        assertThat(deployment).isEnded().hasPassed("EndEvent_Verified");
        assertThat(standIns.deploys).containsExactly("staging:2.0.0");
        assertThat(outcomeOf(deployment, "stagingVerification")).isNotNull();
        assertThat(outcomeOf(deployment, "stagingPreviousRelease")).isNotNull();
    }

    @Test
    void blueGreenDeploysToTheIdleSlotChecksItThenSwitchesTrafficAndVerifiesLive() {
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "kiosk@2.0.0",
                Map.of(Vars.SERVICE, TestServices.KIOSK, Vars.ENVIRONMENT, "production"));
        executeNextJob();
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_DeployToIdleSlot");
        executeNextJob();
        assertThat(standIns.deploys).containsExactly("production/idle:2.0.0");
        assertThat(deployment).isWaitingAt("Task_AwaitIdleSlot");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_VerifyIdleSlot");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_SwitchTraffic");
        assertThat(standIns.switches).isEmpty();
        executeNextJob();
        assertThat(standIns.switches).containsExactly("production:2.0.0");
        assertThat(deployment).isWaitingAt("Task_AwaitDeployedVersion");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_VerifyEnvironment");
        executeNextJob();

        assertThat(deployment).isEnded().hasPassed("EndEvent_Verified").hasNotPassed("Task_Deploy");
        assertThat(outcomeOf(deployment, "productionIdleSlotVerification")).isNotNull();
        assertThat(outcomeOf(deployment, "productionVerification")).isNotNull();
        assertThat(outcomeOf(deployment, "productionTrafficSwitch")).isNotNull();
    }

    @Test
    void blueGreenNeverMovesTrafficToAnIdleSlotThatFailsItsChecks() {
        standIns.failingEnvironments.add("production/idle");
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "kiosk@2.0.1",
                Map.of(Vars.SERVICE, TestServices.KIOSK, Vars.ENVIRONMENT, "production"));
        executeNextJob();
        executeNextJob();
        executeNextJob();
        executeNextJob();

        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat(deployment).isWaitingAt("Task_VerifyIdleSlot");
        assertThat(standIns.switches).isEmpty();
        assertThat(outcomeOf(deployment, "productionTrafficSwitch")).isNull();
    }

    @Test
    void aRefusingDeployTargetIsRetriedThenAnIncidentAndNothingMovesOn() {
        standIns.deployTargetRefuses = true;
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "shop@2.0.2", Map.of(Vars.ENVIRONMENT, "staging"));
        executeNextJob();
        executeNextJob();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                Job job = engine.getManagementService().createJobQuery().processInstanceId(deployment.getId()).singleResult();
                ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 11_000)); // past R3/PT10S
                assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("answered 503");
            }
        } finally {
            ClockUtil.reset();
        }

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(deployment.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("Task_Deploy");
        assertThat(incident.getIncidentMessage()).contains("answered 503");
        assertThat(deployment).isWaitingAt("Task_Deploy");
        assertThat(standIns.deploys).isEmpty();
    }

    @Test
    void failedVerificationIsABpmnErrorForTheCaller() {
        standIns.failingEnvironments.add("production");
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "shop@2.0.1", Map.of(Vars.ENVIRONMENT, "production"));
        executeNextJob();
        executeNextJob();
        executeNextJob();
        executeNextJob();

        // alone it has no caller to catch it: the engine refuses to end silently
        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat(deployment).isWaitingAt("Task_VerifyEnvironment");
    }

    @Test
    void inconclusiveMetricsWaitForAPersonWhoMayCarryOn() {
        standIns.inconclusiveEnvironments.add("production");
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "shop@2.0.3", Map.of(Vars.ENVIRONMENT, "production"));
        runJobs();

        Task decision = task(deployment, Activities.DECIDE_INCONCLUSIVE_VERIFICATION);
        assertThat(decision.getName()).isEqualTo("Metrics inconclusive on production: carry on or stop?");
        assertThat(engine.getTaskService().getIdentityLinksForTask(decision.getId())).extracting(link -> link.getGroupId())
                .containsExactlyInAnyOrder(Groups.OPERATIONS, Groups.RELEASE_MANAGERS);
        assertThat(decision.getDueDate()).isNotNull();
        assertThatThrownBy(() -> completeAs("otto", decision, Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON)))
                .hasMessageContaining("metricsComment is required");
        completeAs("otto", decision, Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "Prometheus is being upgraded"));

        assertThat(deployment).isEnded().hasPassed("UserTask_DecideInconclusiveVerification", "EndEvent_Verified");
        JsonNode decided = readJson(outcomeOf(deployment, Vars.METRIC_DECISIONS)).get(0);
        assertThat(decided.path("decision").asText()).isEqualTo("CARRY_ON");
        assertThat(decided.path("by").asText()).isEqualTo("otto");
        assertThat(decided.path("where").asText()).isEqualTo("verification");
        assertThat(decided.path("analyses")).extracting(JsonNode::asText).containsExactly("error-rate");
        assertThat(decided.path("comment").asText()).isEqualTo("Prometheus is being upgraded");
    }

    @Test
    void aPersonWhoStopsOnInconclusiveMetricsFailsTheVerificationForTheCaller() {
        standIns.inconclusiveEnvironments.add("staging");
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "shop@2.0.4", Map.of(Vars.ENVIRONMENT, "staging"));
        runJobs();
        Task decision = task(deployment, Activities.DECIDE_INCONCLUSIVE_VERIFICATION);
        assertThatThrownBy(() -> completeAs("rita", decision, Map.of(Vars.METRICS_DECISION, "MAYBE", Vars.METRICS_COMMENT, "hm")))
                .hasMessageContaining("metricsDecision must be one of");

        completeWithoutRunningJobs("rita", decision, Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "no data, no go"));

        // the caller's VerificationFailed: staging fails the release, production rolls back
        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat((String) outcomeOf(deployment, Vars.VERIFICATION_ERROR))
                .isEqualTo("staging rita stopped on inconclusive metrics (error-rate): no data, no go");
    }

    @Test
    void aCanaryIsDeployedBesideTheStableVersionCheckedThenWalksItsStepsAndIsPromoted() {
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "flock@2.0.0",
                Map.of(Vars.SERVICE, TestServices.FLOCK, Vars.ENVIRONMENT, "production"));
        executeNextJob();
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_DeployCanary");
        executeNextJob();
        assertThat(standIns.deploys).containsExactly("production/canary:2.0.0");
        assertThat(deployment).isWaitingAt("Task_AwaitCanary");
        executeNextJob();
        assertThat(deployment).isWaitingAt("Task_VerifyCanary");
        executeNextJob();
        assertThat(outcomeOf(deployment, "productionCanaryVerification")).isNotNull();

        // step 1: 10 %, behind a save point of its own
        assertThat(deployment).isWaitingAt("Task_SetCanaryWeight");
        assertThat(standIns.canaryWeights).isEmpty();
        executeNextJob();
        assertThat(standIns.canaryWeights).containsExactly("production:10");
        assertThat(outcomeOf(deployment, "productionCanaryWeight")).isEqualTo(10);
        // step 2: analyze
        assertThat(deployment).isWaitingAt("Task_AnalyzeCanary");
        executeNextJob();
        // step 3: a pause of 5 minutes
        assertThat(deployment).isWaitingAt("TimerEvent_CanaryPause");
        Job pause = timers(deployment).get(0);
        assertThat(pause.getDuedate().getTime() - ClockUtil.getCurrentTime().getTime()).isBetween(299_000L, 300_000L);
        engine.getManagementService().executeJob(pause.getId());
        // step 4: until a release manager approves
        Task approval = task(deployment, Activities.DECIDE_CANARY);
        assertThat(approval.getName()).isEqualTo("Canary 2.0.0 on production: promote or abort?");
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId())).extracting(link -> link.getGroupId())
                .containsExactly(Groups.RELEASE_MANAGERS);
        assertThatThrownBy(() -> completeAs("rita", approval, Map.of(Vars.CANARY_DECISION, "MAYBE")))
                .hasMessageContaining("canaryDecision must be one of");
        completeAs("rita", approval, Map.of(Vars.CANARY_DECISION, Decisions.PROMOTE));
        // step 5: 50 %, then the promotion: deployed as the stable version, the canary back to 0
        runJobs();

        assertThat(deployment).isEnded().hasPassed("Task_PromoteCanary", "Task_AwaitStable", "Task_DrainCanary",
                "Task_AwaitDeployedVersion", "EndEvent_Verified");
        assertThat(standIns.canaryWeights).containsExactly("production:10", "production:50", "production:0");
        assertThat(standIns.deploys).containsExactly("production/canary:2.0.0", "production:2.0.0");
        assertThat(outcomeOf(deployment, "productionCanaryWeight")).isEqualTo(0);
        JsonNode approved = readJson(outcomeOf(deployment, "productionCanary")).path("steps").get(0);
        assertThat(approved.path("step").asInt()).isEqualTo(4);
        assertThat(approved.path("result").asText()).isEqualTo("promoted");
        assertThat(approved.path("by").asText()).isEqualTo("rita");
    }

    @Test
    void aFailedCanaryAnalysisIsABpmnErrorForTheCallerBeforeAnyMoreTrafficMoves() {
        standIns.failingCanarySteps.add(2);
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "flock@2.0.1",
                Map.of(Vars.SERVICE, TestServices.FLOCK, Vars.ENVIRONMENT, "production"));
        for (int step = 0; step < 6; step++) {
            executeNextJob();
        }

        // alone it has no caller to catch it: production's caller rolls back
        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat(deployment).isWaitingAt("Task_AnalyzeCanary");
        assertThat(standIns.canaryWeights).containsExactly("production:10");
    }

    @Test
    void aPersonWhoAbortsACanaryMustSayWhyAndFailsItForTheCaller() {
        ProcessInstance deployment = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "flock@2.0.2",
                Map.of(Vars.SERVICE, TestServices.FLOCK, Vars.ENVIRONMENT, "production"));
        runJobs();
        engine.getManagementService().executeJob(timers(deployment).get(0).getId());
        Task approval = task(deployment, Activities.DECIDE_CANARY);
        assertThatThrownBy(() -> completeAs("rob", approval, Map.of(Vars.CANARY_DECISION, Decisions.ABORT)))
                .hasMessageContaining("canaryComment is required to abort");

        completeWithoutRunningJobs("rob", approval, Map.of(Vars.CANARY_DECISION, Decisions.ABORT,
                Vars.CANARY_COMMENT, "support tickets about slow quizzes"));

        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat((String) outcomeOf(deployment, Vars.VERIFICATION_ERROR)).isEqualTo(
                "production canary step 4 of 5 (pause until release-managers approve) aborted by rob: support tickets about slow quizzes");
        assertThat(standIns.canaryWeights).containsExactly("production:10");
    }

    @Test
    void anInconclusiveCanaryAnalysisWaitsForAPersonWhoMayCarryOnOrStop() {
        standIns.inconclusiveCanarySteps.add(2);
        ProcessInstance carriedOn = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "flock@2.0.3",
                Map.of(Vars.SERVICE, TestServices.FLOCK, Vars.ENVIRONMENT, "production"));
        runJobs();
        Task decision = task(carriedOn, Activities.DECIDE_INCONCLUSIVE_CANARY);
        assertThat(decision.getName()).isEqualTo("Canary metrics inconclusive on production: carry on or stop?");
        completeAs("otto", decision, Map.of(Vars.METRICS_DECISION, Decisions.CARRY_ON, Vars.METRICS_COMMENT, "Prometheus restarts"));
        assertThat(carriedOn).isWaitingAt("TimerEvent_CanaryPause");
        assertThat(readJson(outcomeOf(carriedOn, Vars.METRIC_DECISIONS)).get(0).path("where").asText()).isEqualTo("canary analysis");

        ProcessInstance stopped = startStage(ProcessKeys.ENVIRONMENT_DEPLOYMENT, "flock@2.0.4",
                Map.of(Vars.SERVICE, TestServices.FLOCK, Vars.ENVIRONMENT, "production"));
        runJobs();
        completeWithoutRunningJobs("otto", task(stopped, Activities.DECIDE_INCONCLUSIVE_CANARY),
                Map.of(Vars.METRICS_DECISION, Decisions.STOP, Vars.METRICS_COMMENT, "no data, no canary"));
        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat((String) outcomeOf(stopped, Vars.VERIFICATION_ERROR))
                .isEqualTo("production canary: otto stopped on inconclusive metrics (error-rate): no data, no canary");
    }

    private static JsonNode readJson(Object value) {
        try {
            return JsonVars.MAPPER.readTree(value.toString());
        } catch (java.io.IOException e) {
            throw new AssertionError(String.valueOf(value), e);
        }
    }
}
