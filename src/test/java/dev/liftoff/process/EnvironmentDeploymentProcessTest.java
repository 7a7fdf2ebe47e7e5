package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

        // alone it has no caller to catch it: the engine refuses to end silently
        assertThatThrownBy(this::executeNextJob).hasMessageContaining(BpmnErrors.VERIFICATION_FAILED);
        assertThat(deployment).isWaitingAt("Task_VerifyEnvironment");
    }
}
