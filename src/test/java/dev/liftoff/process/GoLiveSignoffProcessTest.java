package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/go-live-signoff.bpmn", "forms/go-live-signoff.form"})
class GoLiveSignoffProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    private static final Map<String, Object> STAGING = Map.of("stagingVerification", JsonVars.json(Map.of("summary", "3/3 passed", "checks", List.of())));

    @Test
    void oneTaskPerRoleInParallelForThatRolesGroup() {
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.0", STAGING);

        List<Task> tasks = tasks(signoff, "UserTask_SignOff");
        assertThat(tasks).extracting(Task::getName).containsExactly(
                "Sign off go-live as engineering-leads: shop 2.0.0", "Sign off go-live as security-leads: shop 2.0.0");
        approveAllRoles(signoff);

        assertThat(signoff).isEnded().hasPassed("EndEvent_SignoffDecided");
        assertThat(outcomeOf(signoff, Vars.SIGNOFF_REJECTED)).isEqualTo(false);
    }

    @Test
    void aRejectionNeedsAReasonAndEndsTheSignoff() {
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.1", STAGING);
        Task engineering = tasks(signoff, "UserTask_SignOff").get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs("eli", engineering, Map.of(Vars.DECISION, "REJECT")))
                .hasMessageContaining("a comment is required with REJECT");
        completeAs("eli", engineering, Map.of(Vars.DECISION, "REJECT", Vars.COMMENT, "load test missing"));

        assertThat(signoff).isEnded();
        assertThat(outcomeOf(signoff, Vars.SIGNOFF_REASON)).isEqualTo("Go-live sign-off refused by eli for engineering-leads: load test missing");
    }

    @Test
    void signoffsAreDueInADayWithAReminderBeforeAndAnEscalationWhenOverdue() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        try {
            ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.9", STAGING);
            assertThat(tasks(signoff, "UserTask_SignOff")).extracting(task -> task.getDueDate().toInstant())
                    .containsOnly(start.plus(Duration.ofHours(24)));

            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(22))));
            runJobs();
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(24))));
            runJobs();

            assertThat(standIns.reminders).containsExactly(
                    "reminder UserTask_SignOff at 2026-11-23T08:00:00Z", "overdue UserTask_SignOff at 2026-11-23T10:00:00Z");
            assertThat(signoff).hasPassed("EndEvent_SignersReminded", "EndEvent_SignoffsEscalated");
            approveAllRoles(signoff);
            assertThat(signoff).isEnded();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aGoLiveNobodyFullySignedExpiresAfterAWeekNamingWhoDidNotSign() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        try {
            ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.10", STAGING);
            completeAs("eli", tasks(signoff, "UserTask_SignOff").get(0), Map.of(Vars.DECISION, "APPROVE"));

            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(7))));
            runJobs();

            assertThat(signoff).isEnded().hasPassed("Task_RecordSignoffExpired", "EndEvent_SignoffExpired");
            assertThat(outcomeOf(signoff, Vars.SIGNOFF_REJECTED)).isEqualTo(true);
            assertThat(outcomeOf(signoff, Vars.SIGNOFF_REASON))
                    .isEqualTo("Go-live sign-off expired at 2026-11-29T10:00:00Z: security-leads did not sign in time.");
        } finally {
            ClockUtil.reset();
        }
    }
}
