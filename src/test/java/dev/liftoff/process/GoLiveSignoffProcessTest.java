package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import dev.liftoff.signoff.TaskRefusals;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"processes/go-live-signoff.bpmn", "forms/go-live-signoff.form"})
class GoLiveSignoffProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    // what the release hands its sign-offs: the staging evidence and the UAT result
    private static final Map<String, Object> STAGING = Map.of(
            "stagingVerification", JsonVars.json(Map.of("summary", "3/3 passed", "checks", List.of())),
            Vars.UAT_FEEDBACK, JsonVars.json(List.of()),
            Vars.UAT_REASON, "UAT passed: 1 tester(s) said go with confidence ≥ 3 and no Sev-1/Sev-2 issue.");

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
    void theFormsReasonForARejectionIsItsComment() {
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.2", STAGING);
        Task engineering = tasks(signoff, "UserTask_SignOff").get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs("eli", engineering,
                Map.of(Vars.DECISION, "REJECT", Vars.REFUSAL_REASON, "  ")))
                .hasMessageContaining("a comment is required with REJECT");
        // the form hides the plain comment once Reject is chosen and asks for the reason instead
        completeAs("eli", engineering, Map.of(Vars.DECISION, "REJECT", Vars.REFUSAL_REASON, "no rollback drill on record"));

        assertThat(outcomeOf(signoff, Vars.SIGNOFF_REASON))
                .isEqualTo("Go-live sign-off refused by eli for engineering-leads: no rollback drill on record");
    }

    @Test
    void twoRolesSigningAtTheSameMomentBothCount() throws Exception {
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.20", STAGING);
        List<Task> tasks = tasks(signoff, "UserTask_SignOff");
        ExecutorService signers = Executors.newFixedThreadPool(2);
        List<Future<?>> signing = new ArrayList<>();
        DataSource database = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection anotherDecision = database.getConnection();
                PreparedStatement lock = anotherDecision.prepareStatement("SELECT ID_ FROM ACT_RU_EXECUTION WHERE ID_ = ? FOR UPDATE")) {
            // a decision of the release being saved holds its lock: both sign-offs arrive meanwhile and wait
            anotherDecision.setAutoCommit(false);
            lock.setString(1, signoff.getId());
            lock.executeQuery().close();
            // the beans the BPMN names are registered per thread
            Map<String, Object> beans = Mocks.getMocks();
            for (int i = 0; i < 2; i++) {
                Task task = tasks.get(i);
                String signer = List.of("eli", "sam").get(i);
                signing.add(signers.submit(() -> {
                    beans.forEach(Mocks::register);
                    completeWithoutRunningJobs(signer, task, Map.of(Vars.DECISION, "APPROVE"));
                    return null;
                }));
            }
            Thread.sleep(300);
            assertThat(signing).as("sign-offs waiting for the release's lock").noneMatch(Future::isDone);
            anotherDecision.rollback();
        }
        try {
            for (Future<?> oneSignoff : signing) {
                oneSignoff.get(30, TimeUnit.SECONDS);
            }
        } finally {
            signers.shutdownNow();
        }
        runJobs();

        assertThat(signoff).isEnded().hasPassed("EndEvent_SignoffDecided");
        assertThat(String.valueOf(outcomeOf(signoff, Vars.APPROVALS))).contains("engineering-leads", "security-leads", "eli", "sam");
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

    @Test
    void aServiceWhoseSignoffNeverExpiresWaitsForItsRolesAsLongAsItTakes() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        try {
            Map<String, Object> patient = new java.util.HashMap<>(STAGING);
            patient.put(Vars.SERVICE, TestServices.PATIENT);
            ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "patient@1.0.0", patient);

            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofDays(90))));
            runJobs();

            assertThat(signoff).isNotEnded().hasNotPassed("Task_RecordSignoffExpired");
            assertThat(tasks(signoff, "UserTask_SignOff")).hasSize(2);
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void everySignoffNamesWhoIsShutOutAndTellsThemWhyWhenTheyOpenIt() {
        TestPeople people = new TestPeople(engine.getIdentityService())
                .member("erin", "engineering-leads").member("eli", "engineering-leads").member("sam", "security-leads");
        TaskRefusals refusals = new TaskRefusals(engine.getTaskService(), engine.getIdentityService());
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.11", STAGING);
        Task engineering = tasks(signoff, "UserTask_SignOff").get(0);
        Task security = tasks(signoff, "UserTask_SignOff").get(1);

        assertThat(excludedUsers(engineering)).isEqualTo(
                "[{\"user\":\"erin\",\"reason\":\"requested this release\"},{\"user\":\"ci-bot\",\"reason\":\"started this release\"}]");
        TaskRefusals.Answer erin = refusals.answer(engineering.getId(), "erin").orElseThrow();
        assertThat(erin.allowed()).isFalse();
        assertThat(erin.message()).isEqualTo("You (erin) may not work on \"Sign off go-live as engineering-leads: shop 2.0.0\": "
                + "you requested this release. That is Liftoff's four-eyes rule; the task stays open for the other members of engineering-leads.");
        assertThat(refusals.answer(engineering.getId(), "eli").orElseThrow().allowed()).isTrue();
        assertThat(refusals.answer(engineering.getId(), "sam").orElseThrow().message())
                .isEqualTo("\"Sign off go-live as engineering-leads: shop 2.0.0\" is not offered to you (sam): it is for engineering-leads.");

        completeAs("eli", engineering, Map.of(Vars.DECISION, "APPROVE"));
        assertThat(excludedUsers(security)).contains("{\"user\":\"eli\",\"reason\":\"already signed for engineering-leads\"}");
        assertThat(refusals.answer(security.getId(), "eli").orElseThrow().message())
                .contains("you already signed for engineering-leads", "the other members of security-leads");
        assertThat(refusals.answer(engineering.getId(), "eli")).as("a completed task is no longer open").isEmpty();
        people.remove();
    }

    private String excludedUsers(Task task) {
        return JsonVars.readValue(engine.getTaskService().getVariableLocalTyped(task.getId(), Vars.EXCLUDED_USERS, false)).toString();
    }


    @Test
    void whoTestedTheReleaseInUatMayNotSignWhereTheServiceSaysSo() {
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "shop@2.0.11", testedBy("ursula"));
        List<Task> tasks = tasks(signoff, "UserTask_SignOff");

        assertThat(tasks).allSatisfy(task -> assertThat(revokedFor("ursula", task)).isTrue());
        assertThatThrownBy(() -> completeAs("ursula", tasks.get(0), Map.of(Vars.DECISION, "APPROVE")))
                .hasMessageContaining("ursula may not sign this go-live: ursula tested this release in UAT "
                        + "(shop does not let UAT testers sign) (four-eyes rule)");
        assertThatThrownBy(() -> engine.getTaskService().claim(tasks.get(1).getId(), "ursula"))
                .hasMessageContaining("ursula tested this release in UAT");
        approveAllRoles(signoff);
        assertThat(signoff).isEnded();
    }

    @Test
    void aServiceMayLetItsUatTestersSign() {
        ProcessInstance signoff = startStage(ProcessKeys.GO_LIVE_SIGNOFF, "crowd@2.0.0", Map.of(Vars.SERVICE, TestServices.CROWD,
                "stagingVerification", STAGING.get("stagingVerification"), Vars.UAT_FEEDBACK, testedBy("ursula").get(Vars.UAT_FEEDBACK),
                Vars.UAT_REASON, STAGING.get(Vars.UAT_REASON)));
        List<Task> tasks = tasks(signoff, "UserTask_SignOff");

        assertThat(tasks).noneSatisfy(task -> assertThat(revokedFor("ursula", task)).isTrue());
        engine.getTaskService().claim(tasks.get(0).getId(), "ursula");
        completeAs("ursula", tasks.get(0), Map.of(Vars.DECISION, "APPROVE"));
        assertThatThrownBy(() -> completeAs("ursula", tasks.get(1), Map.of(Vars.DECISION, "APPROVE")))
                .as("the other rules still apply").hasMessageContaining("ursula already signed for engineering-leads");
        completeAs("sam", tasks.get(1), Map.of(Vars.DECISION, "APPROVE"));

        assertThat(signoff).isEnded();
        assertThat(outcomeOf(signoff, Vars.SIGNOFF_REJECTED)).isEqualTo(false);
    }

    /** the variables of a go-live-signoff run alone, after a UAT in which this tester gave feedback */
    private static Map<String, Object> testedBy(String tester) {
        return Map.of("stagingVerification", STAGING.get("stagingVerification"), Vars.UAT_REASON, STAGING.get(Vars.UAT_REASON),
                Vars.UAT_FEEDBACK, JsonVars.json(List.of(Map.of("tester", tester, "decision", "GO", "confidence", 4))));
    }

    private boolean revokedFor(String user, Task task) {
        return engine.getAuthorizationService().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
                .userIdIn(user).resourceType(Resources.TASK).resourceId(task.getId()).count() > 0;
    }
}
