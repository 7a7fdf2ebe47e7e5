package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.SecretResolver;
import dev.liftoff.config.Severity;
import dev.liftoff.config.TaskDeadline;
import dev.liftoff.incident.EmailIncidentDelegate;
import dev.liftoff.incident.EscalateIncidentDelegate;
import dev.liftoff.incident.FakeGitHub;
import dev.liftoff.incident.FileTrackerIssueDelegate;
import dev.liftoff.incident.IncidentEscalations;
import dev.liftoff.incident.IncidentMail;
import dev.liftoff.notification.Mailer;
import dev.liftoff.incident.IncidentPolicy;
import dev.liftoff.incident.IssueTracker;
import dev.liftoff.incident.PlanAcknowledgementDelegate;
import dev.liftoff.incident.PlanIncidentReviewDelegate;
import dev.liftoff.incident.RecordAcknowledgementListener;
import dev.liftoff.incident.RecordIncidentReviewListener;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The incident-response process with its real delegates: GitHub on a loopback port, a real SMTP
 * server, Camunda users for the escalation group, and the clock moved for the deadlines.
 */
@Deployment(resources = {"processes/incident-response.bpmn", "forms/incident-acknowledgement.form", "forms/post-incident-review.form"})
class IncidentResponseProcessTest extends ReleaseProcessTestBase {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = fullCoverage();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final Instant RAISED = Instant.parse("2026-03-01T10:15:30Z");
    /** the review here is due three days after it opens, with a reminder twelve hours before */
    private static final TaskDeadline REVIEW = new TaskDeadline(Duration.ofDays(3), Duration.ofHours(12));

    private FakeGitHub github;

    @BeforeEach
    void incidentDelegates() throws Exception {
        github = new FakeGitHub("acme/shop");
        ClockUtil.setCurrentTime(Date.from(RAISED));
        useSinks(true, true);
        IdentityService identity = engine.getIdentityService();
        identity.saveUser(user("rita", "rita@example.com"));
        identity.saveUser(user("rob", null)); // no address: logged, not an error
        identity.saveGroup(identity.newGroup(Groups.RELEASE_MANAGERS));
        identity.createMembership("rita", Groups.RELEASE_MANAGERS);
        identity.createMembership("rob", Groups.RELEASE_MANAGERS);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        github.close();
        engine.getIdentityService().deleteUser("rita");
        engine.getIdentityService().deleteUser("rob");
        engine.getIdentityService().deleteGroup(Groups.RELEASE_MANAGERS);
    }

    /** the incident beans on a configuration with the GitHub and email sinks on or off; P2 escalates every 10 minutes; the review is due in 3 days */
    private void useSinks(boolean tracker, boolean email) {
        IncidentsConfig.GitHub githubConfig = tracker
                ? new IncidentsConfig.GitHub(github.apiUrl(), "acme/shop", "LIFTOFF_TEST_GITHUB_TOKEN", null, null) : null;
        IncidentsConfig.Email emailConfig = new IncidentsConfig.Email(email ? List.of("oncall@example.com") : null, "liftoff@example.com");
        LiftoffProperties properties = new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of(),
                new IncidentsConfig(null, Map.of(Severity.P2, Duration.ofMinutes(10)), null, null, null, emailConfig, githubConfig,
                        null, REVIEW));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("LIFTOFF_TEST_GITHUB_TOKEN", "t0ken")));
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());

        IncidentPolicy policy = new IncidentPolicy(properties);
        IncidentMail mail = new IncidentMail(new Mailer(sender, "liftoff@localhost"), properties.incidents().email());
        Mocks.register("planAcknowledgement", new PlanAcknowledgementDelegate(policy));
        Mocks.register("fileTrackerIssue", new FileTrackerIssueDelegate(new IssueTracker(properties, new SecretResolver(environment))));
        Mocks.register("emailIncident", new EmailIncidentDelegate(mail));
        Mocks.register("escalateIncident", new EscalateIncidentDelegate(
                new IncidentEscalations(engine.getTaskService(), engine.getIdentityService(), policy, mail)));
        Mocks.register("recordAcknowledgement", new RecordAcknowledgementListener());
        Mocks.register("recordIncidentReview", new RecordIncidentReviewListener());
        Mocks.register("planIncidentReview", new PlanIncidentReviewDelegate(properties));
    }

    private ProcessInstance raise(String businessKey, Severity severity) {
        Map<String, Object> incident = new HashMap<>();
        incident.put(Vars.INCIDENT_SEVERITY, severity.name());
        incident.put(Vars.INCIDENT_TITLE, "shop: production failure (2026-03-01T10:15:30Z)");
        incident.put(Vars.INCIDENT_BODY, "A release failed at **production**.\n\n```text\nsmoke: status 500\n```");
        incident.put(Vars.RELEASE_INSTANCE_ID, "release-1");
        incident.put(Vars.DRILL, false);
        return startStage(ProcessKeys.INCIDENT_RESPONSE, businessKey, incident);
    }

    @Test
    void operationsAcknowledgeInTimeThenReview() throws Exception {
        ProcessInstance incident = raise("shop@2.0.0", Severity.P1);

        assertThat(incident).isWaitingAt("UserTask_AcknowledgeIncident", "Task_FileTrackerIssue", "Task_EmailIncident");
        Task acknowledge = task(incident, "UserTask_AcknowledgeIncident");
        assertThat(acknowledge).hasCandidateGroup(Groups.OPERATIONS);
        assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(RAISED.plus(Duration.ofMinutes(5))));
        assertThat(acknowledge.getPriority()).isEqualTo(90);

        runJobs(); // the notifications, off the people's path
        assertThat(github.issues()).hasSize(1);
        assertThat(outcomeOf(incident, Vars.TRACKER_ISSUE_URL)).isEqualTo("https://github.example.com/acme/shop/issues/1");
        assertThat(outcomeOf(incident, Vars.TRACKER_ISSUE_NUMBER)).isEqualTo(1L);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("shop: production failure (2026-03-01T10:15:30Z)");

        ClockUtil.setCurrentTime(Date.from(RAISED.plus(Duration.ofMinutes(3))));
        completeAs("otto", acknowledge, Map.of(Vars.ACKNOWLEDGEMENT_NOTE, "  on it, rolling back by hand  "));
        Map<String, Object> acknowledged = engine.getRuntimeService().getVariables(incident.getId());
        assertThat(acknowledged).containsEntry(Vars.ACKNOWLEDGED_BY, "otto")
                .containsEntry(Vars.ACKNOWLEDGED_AT, "2026-03-01T10:18:30Z")
                .containsEntry(Vars.ACKNOWLEDGEMENT_NOTE, "on it, rolling back by hand");
        Instant acknowledgedAt = RAISED.plus(Duration.ofMinutes(3));
        assertThat(timers(incident)).as("the escalation is off; the review's reminder and due date are on")
                .extracting(Job::getDuedate).containsExactlyInAnyOrder(
                        Date.from(acknowledgedAt.plus(Duration.ofDays(3)).minus(Duration.ofHours(12))),
                        Date.from(acknowledgedAt.plus(Duration.ofDays(3))));
        assertThat(task(incident, "UserTask_ReviewIncident").getDueDate()).isEqualTo(Date.from(acknowledgedAt.plus(Duration.ofDays(3))));

        completeAs("olga", task(incident, "UserTask_ReviewIncident"), Map.of(
                Vars.ROOT_CAUSE, "A migration locked the orders table",
                Vars.FOLLOW_UPS, JsonVars.json(List.of(Map.of("action", "Run migrations before the deploy"), Map.of("action", "Alert on lock waits"))),
                Vars.COMMENT, "good catch by the smoke suite"));

        assertThat(incident).isEnded().hasPassed("EndEvent_TrackerIssueFiled", "EndEvent_IncidentEmailed", "EndEvent_IncidentReviewed")
                .hasNotPassed("Task_RemindReviewers", "Task_EscalateReview");
        assertThat(timers(incident)).isEmpty();
        JsonNode review = JsonVars.MAPPER.readTree(outcomeOf(incident, Vars.INCIDENT_REVIEW).toString());
        assertThat(review.path("rootCause").asText()).isEqualTo("A migration locked the orders table");
        assertThat(review.path("followUps").toString()).isEqualTo("[\"Run migrations before the deploy\",\"Alert on lock waits\"]");
        assertThat(review.path("reviewedBy").asText()).isEqualTo("olga");
        assertThat(outcomeOf(incident, Vars.ESCALATION_COUNT)).isEqualTo(0);
    }

    @Test
    void aMissedDeadlineEscalatesAtTheDeadlineAndEveryCadenceUntilAcknowledged() throws Exception {
        useSinks(false, false);
        ProcessInstance incident = raise("shop@2.0.1", Severity.P2);
        Instant deadline = RAISED.plus(Duration.ofMinutes(15));
        runJobs();

        passTo(deadline.minusSeconds(1));
        assertThat(escalations(incident)).isEmpty();

        passTo(deadline);
        assertThat(escalations(incident)).hasSize(1);
        assertThat(task(incident, "UserTask_AcknowledgeIncident").getPriority()).isEqualTo(80);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly("rita@example.com");
        assertThat(mails[0].getSubject()).isEqualTo("Not acknowledged (escalation 1): shop: production failure (2026-03-01T10:15:30Z)");
        assertThat(timer(incident).getDuedate()).isEqualTo(Date.from(deadline.plus(Duration.ofMinutes(10))));

        passTo(deadline.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(escalations(incident)).hasSize(1);

        passTo(deadline.plus(Duration.ofMinutes(10)));
        List<JsonNode> escalations = escalations(incident);
        assertThat(escalations).hasSize(2);
        assertThat(escalations.get(1).path("count").asInt()).isEqualTo(2);
        assertThat(escalations.get(1).path("at").asText()).isEqualTo("2026-03-01T10:40:30Z");
        assertThat(task(incident, "UserTask_AcknowledgeIncident").getPriority()).isEqualTo(90);

        completeAs("olga", task(incident, "UserTask_AcknowledgeIncident"), Map.of());
        passTo(deadline.plus(Duration.ofHours(2)));
        assertThat(escalations(incident)).hasSize(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(incident).isWaitingAt("UserTask_ReviewIncident").hasPassed("EndEvent_NoTracker", "EndEvent_NoEmail", "EndEvent_Escalated");
    }

    @Test
    void anEscalationOvertakenByTheAcknowledgementDoesNothing() {
        useSinks(false, false);
        ProcessInstance incident = raise("shop@2.0.2", Severity.P1);
        runJobs();
        ClockUtil.setCurrentTime(Date.from(RAISED.plus(Duration.ofMinutes(5))));
        engine.getManagementService().executeJob(timer(incident).getId()); // the timer fires; its escalation job waits

        completeWithoutRunningJobs("otto", task(incident, "UserTask_AcknowledgeIncident"), Map.of());
        runJobs();

        assertThat(outcomeOf(incident, Vars.ESCALATION_COUNT)).isEqualTo(0);
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(incident).isWaitingAt("UserTask_ReviewIncident");
    }

    @Test
    void aTrackerThatKeepsFailingBecomesACockpitIncidentAndNeverHoldsUpThePeople() {
        useSinks(true, false);
        github.answerEveryRequestWith(503);
        ProcessInstance incident = raise("shop@2.0.3", Severity.P3);

        for (int attempt = 0; attempt < 5; attempt++) {
            Job job = engine.getManagementService().createJobQuery().activityId("Task_FileTrackerIssue").singleResult();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(incident.getId()).activityId("Task_FileTrackerIssue")
                .singleResult().getIncidentMessage()).contains("GitHub repository acme/shop: HTTP 503");
        completeAs("otto", task(incident, "UserTask_AcknowledgeIncident"), Map.of());
        assertThat(incident).isWaitingAt("UserTask_ReviewIncident", "Task_FileTrackerIssue");
    }

    @Test
    void theReviewFormIsCheckedOnTheServerToo() {
        useSinks(false, false);
        ProcessInstance incident = raise("shop@2.0.4", Severity.P4);
        runJobs();
        completeAs("otto", task(incident, "UserTask_AcknowledgeIncident"), Map.of());
        Task review = task(incident, "UserTask_ReviewIncident");

        assertThatThrownBy(() -> completeAs("olga", review, Map.of(Vars.ROOT_CAUSE, "   ")))
                .hasMessageContaining("a root cause is required");
        assertThatThrownBy(() -> completeAs("olga", review, Map.of(Vars.ROOT_CAUSE, "lock",
                Vars.FOLLOW_UPS, JsonVars.json(List.of(Map.of("action", " "))))))
                .hasMessageContaining("each follow-up needs a text");
        assertThat(incident).isWaitingAt("UserTask_ReviewIncident");
    }

    @Test
    void aLateReviewIsRemindedThenEscalatedAndStillTaken() {
        useSinks(false, false);
        ProcessInstance incident = raise("shop@2.0.5", Severity.P3);
        runJobs();
        completeAs("otto", task(incident, "UserTask_AcknowledgeIncident"), Map.of());
        Instant due = RAISED.plus(Duration.ofDays(3));
        assertThat(task(incident, "UserTask_ReviewIncident").getDueDate()).isEqualTo(Date.from(due));

        passTo(due.minus(Duration.ofHours(12)).minusSeconds(1));
        assertThat(standIns.reminders).isEmpty();
        passTo(due.minus(Duration.ofHours(12)));
        passTo(due);

        assertThat(standIns.reminders).containsExactly("reminder UserTask_ReviewIncident at 2026-03-03T22:15:30Z",
                "overdue UserTask_ReviewIncident at 2026-03-04T10:15:30Z");
        assertThat(incident).isWaitingAt("UserTask_ReviewIncident").hasPassed("EndEvent_ReviewersReminded", "EndEvent_ReviewEscalated");
        completeAs("olga", task(incident, "UserTask_ReviewIncident"), Map.of(Vars.ROOT_CAUSE, "A flaky health check"));
        assertThat(incident).isEnded().hasPassed("EndEvent_IncidentReviewed");
        assertThat(outcomeOf(incident, Vars.ESCALATION_COUNT)).as("the acknowledgement was in time").isEqualTo(0);
    }


    private Job timer(ProcessInstance incident) {
        return engine.getManagementService().createJobQuery().processInstanceId(incident.getId()).timers().singleResult();
    }

    private List<JsonNode> escalations(ProcessInstance incident) throws Exception {
        Object value = engine.getRuntimeService().getVariable(incident.getId(), Vars.INCIDENT_ESCALATIONS);
        JsonNode list = JsonVars.MAPPER.readTree(value.toString());
        return Arrays.asList(JsonVars.MAPPER.treeToValue(list, JsonNode[].class));
    }

    private User user(String id, String email) {
        User user = engine.getIdentityService().newUser(id);
        user.setEmail(email);
        return user;
    }
}
