package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void theGoNoGoIsDueInADayWithAReminderBeforeAndAnEscalationWhenOverdue() {
        ClockUtil.setCurrentTime(Date.from(START));
        ProcessInstance checks = startStage(ProcessKeys.PRE_DEPLOYMENT_CHECKS, "shop@2.0.2", Map.of());
        runJobs();
        assertThat(task(checks, "UserTask_GoNoGo").getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofHours(24))));

        passTo(START.plus(Duration.ofHours(22)).minusSeconds(1));
        assertThat(standIns.reminders).isEmpty();
        passTo(START.plus(Duration.ofHours(22)));
        passTo(START.plus(Duration.ofHours(24)));

        assertThat(standIns.reminders).containsExactly(
                "reminder UserTask_GoNoGo at 2026-11-23T08:00:00Z", "overdue UserTask_GoNoGo at 2026-11-23T10:00:00Z");
        assertThat(checks).isWaitingAt("UserTask_GoNoGo").hasPassed("EndEvent_ReleaseManagersReminded", "EndEvent_GoNoGoEscalated");
        completeAs("rita", task(checks, "UserTask_GoNoGo"), Map.of(Vars.DECISION, "GO"));
        assertThat(checks).isEnded().hasPassed("EndEvent_Decided");
    }

    @Test
    void aGoNoGoDecidedInTimeCancelsItsReminderAndEscalation() {
        ClockUtil.setCurrentTime(Date.from(START));
        ProcessInstance checks = startStage(ProcessKeys.PRE_DEPLOYMENT_CHECKS, "shop@2.0.3", Map.of());
        runJobs();
        assertThat(timers(checks)).extracting(Job::getDuedate).containsExactlyInAnyOrder(
                Date.from(START.plus(Duration.ofHours(22))), Date.from(START.plus(Duration.ofHours(24))));

        passTo(START.plus(Duration.ofHours(1)));
        completeAs("rob", task(checks, "UserTask_GoNoGo"), Map.of(Vars.DECISION, "GO"));
        passTo(START.plus(Duration.ofHours(48)));

        assertThat(checks).isEnded().hasNotPassed("Task_RemindReleaseManagers", "Task_EscalateGoNoGo");
        assertThat(timers(checks)).isEmpty();
        assertThat(standIns.reminders).isEmpty();
    }
}
