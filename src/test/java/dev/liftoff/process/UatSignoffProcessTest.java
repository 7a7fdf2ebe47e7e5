package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    @Test
    void theTaskIsDueInFortyEightHoursWithAReminderBeforeAndAnEscalationWhenOverdue() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        try {
            ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "shop@2.0.2", Map.of("stagingVerification",
                    JsonVars.json(Map.of("summary", "3/3 passed"))));
            org.assertj.core.api.Assertions.assertThat(task(uat, "UserTask_Uat").getDueDate().toInstant())
                    .isEqualTo(start.plus(Duration.ofHours(48)));

            passTo(start.plus(Duration.ofHours(43)));
            org.assertj.core.api.Assertions.assertThat(standIns.reminders).isEmpty();
            passTo(start.plus(Duration.ofHours(44)));
            passTo(start.plus(Duration.ofHours(48)));

            org.assertj.core.api.Assertions.assertThat(standIns.reminders).containsExactly(
                    "reminder UserTask_Uat at 2026-11-24T06:00:00Z", "overdue UserTask_Uat at 2026-11-24T10:00:00Z");
            assertThat(uat).isWaitingAt("UserTask_Uat").hasPassed("EndEvent_TestersReminded", "EndEvent_UatEscalated");
            passUat(uat);
            assertThat(uat).isEnded();
        } finally {
            ClockUtil.reset();
        }
    }

    private void passTo(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        runJobs();
    }
}
