package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/pre-deployment-checks.bpmn", "forms/go-no-go.form"})
class PreDeploymentChecksProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @Test
    void readyReleaseWaitsForTheReleaseManagersGo() {
        ProcessInstance checks = startStage(ProcessKeys.PRE_DEPLOYMENT_CHECKS, "shop@2.0.0", Map.of());
        runJobs();
        assertThat(checks).isWaitingAt("UserTask_GoNoGo").task().hasCandidateGroup(Groups.RELEASE_MANAGERS);

        completeAs("rob", task(checks, "UserTask_GoNoGo"), Map.of(Vars.DECISION, "GO", Vars.COMMENT, "ship it"));

        assertThat(checks).isEnded().hasPassed("EndEvent_Decided")
                .variables().containsEntry(Vars.GO_DECISION, "GO").containsEntry(Vars.GO_REASON, "Go by rob: ship it");
    }

    @Test
    void failedCheckEndsWithoutAskingAnyone() {
        standIns.ready = false;
        ProcessInstance checks = startStage(ProcessKeys.PRE_DEPLOYMENT_CHECKS, "shop@2.0.1", Map.of());
        runJobs();

        assertThat(checks).isEnded().hasPassed("EndEvent_NotReady").hasNotPassed("UserTask_GoNoGo");
        assertThat(outcomeOf(checks, Vars.GO_DECISION)).isEqualTo("NO_GO");
    }
}
