package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/uat-signoff.bpmn", "processes/uat-feedback-verdict.dmn", "forms/uat.form"})
class UatSignoffProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @Test
    void testersSeeTheScenariosAndAGoPasses() {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "shop@2.0.0", Map.of("stagingVerification", JsonVars.json(Map.of("summary", "3/3 passed"))));
        assertThat(uat).isWaitingAt("UserTask_Uat").task().hasCandidateGroup(Groups.UAT_TESTERS);

        passUat(uat);

        assertThat(uat).isEnded().hasPassed("Task_EvaluateUat", "EndEvent_UatEvaluated");
        org.assertj.core.api.Assertions.assertThat(outcomeOf(uat, Vars.UAT_PASSED)).isEqualTo(true);
    }

    @Test
    void theFormIsCheckedOnTheServerToo() {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "shop@2.0.1", Map.of("stagingVerification", JsonVars.json(Map.of("summary", "3/3 passed"))));
        var task = task(uat, "UserTask_Uat");

        assertThatThrownBy(() -> completeAs("uma", task, Map.of(Vars.DECISION, "GO", Vars.CONFIDENCE, 7)))
                .hasMessageContaining("confidence must be a whole number from 1 to 5 (got 7)");
        assertThatThrownBy(() -> completeAs("uma", task, Map.of(Vars.DECISION, "GO", Vars.CONFIDENCE, 4,
                Vars.ISSUES, JsonVars.json(List.of(Map.of("severity", "Sev-9", "description", "x"))))))
                .hasMessageContaining("severity of Sev-1 to Sev-4");
        assertThatThrownBy(() -> completeAs("uma", task, Map.of(Vars.DECISION, "NO_GO", Vars.CONFIDENCE, 2)))
                .hasMessageContaining("a comment is required with NO_GO");
        assertThat(uat).isWaitingAt("UserTask_Uat");
    }
}
