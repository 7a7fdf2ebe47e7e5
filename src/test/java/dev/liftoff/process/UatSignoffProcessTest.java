package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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

    @Test
    void eachNamedTesterGetsATaskOfTheirOwnAndBothGoingPasses() {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "panel@2.0.0", panel());
        assertThat(tasks(uat, "UserTask_Uat")).hasSize(2);
        assertThat(candidates(uatTaskOf(uat, "ursula"))).containsExactly("user ursula");
        assertThat(candidates(uatTaskOf(uat, "uma"))).containsExactly("user uma");

        assertThatThrownBy(() -> completeAs("ursula", uatTaskOf(uat, "uma"), uatFeedback("GO", 4)))
                .hasMessageContaining("this UAT task is uma's: ursula may not give UAT feedback in their place");
        completeAs("ursula", uatTaskOf(uat, "ursula"), uatFeedback("GO", 4));
        assertThat(uat).isActive();
        completeAs("uma", uatTaskOf(uat, "uma"), uatFeedback("GO", 3));

        assertThat(uat).isEnded().hasPassed("Task_EvaluateUat", "EndEvent_UatEvaluated");
        Assertions.assertThat(outcomeOf(uat, Vars.UAT_PASSED)).isEqualTo(true);
        Assertions.assertThat(outcomeOf(uat, Vars.UAT_REASON))
                .isEqualTo("UAT passed: 2 tester(s) said go with confidence ≥ 3 and no Sev-1/Sev-2 issue.");
    }

    @Test
    void oneNamedTestersNoGoFailsUatAndKeepsEveryTestersFeedback() {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "panel@2.0.1", panel());
        completeAs("ursula", uatTaskOf(uat, "ursula"), uatFeedback("GO", 4));
        completeAs("uma", uatTaskOf(uat, "uma"), Map.of(Vars.DECISION, "NO_GO", Vars.CONFIDENCE, 2, Vars.COMMENT, "checkout hangs"));

        assertThat(uat).isEnded().hasPassed("EndEvent_UatEvaluated");
        Assertions.assertThat(outcomeOf(uat, Vars.UAT_PASSED)).isEqualTo(false);
        Assertions.assertThat(outcomeOf(uat, Vars.UAT_REASON)).isEqualTo(
                "UAT failed: uma said no-go (checkout hangs); uma's confidence 2 is below the minimum 3.");
        Assertions.assertThat(outcomeOf(uat, Vars.UAT_FEEDBACK).toString()).contains("\"tester\":\"ursula\"", "\"tester\":\"uma\"");
    }

    @Test
    void aGroupWithTwoTasksGetsTwoDifferentTesters() {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "crowd@2.0.0", Map.of(Vars.SERVICE, TestServices.CROWD,
                "stagingVerification", JsonVars.json(Map.of("summary", "3/3 passed"))));
        List<Task> tasks = tasks(uat, "UserTask_Uat");
        assertThat(tasks).hasSize(2).allSatisfy(task -> assertThat(candidates(task)).containsExactly("group uat-testers"));

        completeAs("ursula", tasks.get(0), uatFeedback("GO", 4));

        Task second = tasks.get(1);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
                .userIdIn("ursula").resourceType(Resources.TASK).resourceId(second.getId()).count()).isEqualTo(1);
        assertThatThrownBy(() -> completeAs("ursula", second, uatFeedback("GO", 5)))
                .hasMessageContaining("ursula already gave UAT feedback for this release: each tester fills one UAT task");
        assertThatThrownBy(() -> engine.getTaskService().claim(second.getId(), "ursula"))
                .hasMessageContaining("ursula already gave UAT feedback for this release");
        engine.getTaskService().claim(second.getId(), "uma");
        completeAs("uma", second, uatFeedback("GO", 3));

        assertThat(uat).isEnded().hasPassed("EndEvent_UatEvaluated");
        Assertions.assertThat(outcomeOf(uat, Vars.UAT_PASSED)).isEqualTo(true);
    }

    @Test
    void aUatStillOpenWhenItExpiresFailsNamingWhoGaveNoFeedback() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        try {
            ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "panel@2.0.2", panel());
            completeAs("ursula", uatTaskOf(uat, "ursula"), uatFeedback("GO", 4));

            passTo(start.plus(Duration.ofHours(72)).minusSeconds(1));
            assertThat(uat).isWaitingAt("UserTask_Uat");
            passTo(start.plus(Duration.ofHours(72)));

            assertThat(uat).isEnded().hasPassed("BoundaryEvent_UatExpired", "Task_RecordUatExpired", "EndEvent_UatExpired")
                    .hasNotPassed("Task_EvaluateUat");
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(uat.getId()).count()).isZero();
            Assertions.assertThat(outcomeOf(uat, Vars.UAT_PASSED)).isEqualTo(false);
            Assertions.assertThat(outcomeOf(uat, Vars.UAT_REASON)).isEqualTo("UAT expired after 72h: no feedback from uma.");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void withoutExpireAfterUatNeverExpires() {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "shop@2.0.3", Map.of("stagingVerification",
                JsonVars.json(Map.of("summary", "3/3 passed"))));

        Job expiry = engine.getManagementService().createJobQuery().processInstanceId(uat.getId())
                .activityId("BoundaryEvent_UatExpired").singleResult();
        Assertions.assertThat(expiry.getDuedate().toInstant()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    private static Map<String, Object> panel() {
        return Map.of(Vars.SERVICE, TestServices.PANEL, "stagingVerification", JsonVars.json(Map.of("summary", "3/3 passed")));
    }

    /** a task's candidates, as "user id" or "group id" */
    private List<String> candidates(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId())
                .toList();
    }
}
