package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.config.TaskDeadline;
import dev.liftoff.deploy.PlanManualInterventionDelegate;
import dev.liftoff.incident.PlanIncidentReviewDelegate;
import dev.liftoff.incident.RecordAcknowledgementListener;
import dev.liftoff.incident.RecordIncidentReviewListener;
import dev.liftoff.signoff.PlanGoNoGoDelegate;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Go/No-Go, the manual intervention after a failed rollback and the post-incident review running
 * late, with their deadlines from configuration, the real reminder step and a real SMTP server
 * (GreenMail): the people a task waits for are reminded {@code remind-before} its due date; at the
 * due date they and the release managers are told it is overdue, and the task rises in Tasklist.
 */
class LateTaskMailTest extends ReleaseProcessTestBase {

    // the engine of the process tests; coverage of each process is its own process test's business
    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Map<String, String> PEOPLE = Map.of("rhea", Groups.RELEASE_MANAGERS, "ravi", Groups.RELEASE_MANAGERS,
            "oona", Groups.OPERATIONS, "omar", Groups.OPERATIONS);
    private static final List<String> RELEASE_MANAGERS = List.of("rhea@example.com", "ravi@example.com");
    private static final List<String> OPERATIONS = List.of("oona@example.com", "omar@example.com");

    /** deadlines unlike the defaults, so that they can only have come from here */
    private static final LiftoffProperties PROPERTIES = new LiftoffProperties(new AdminProperties("admin", "admin"),
            Map.of(TestServices.SHOP, new ServiceConfig(Map.of(), List.of(), null, null, null, null, null, null, null,
                    new TaskDeadline(Duration.ofHours(8), Duration.ofHours(1)))),
            new IncidentsConfig(null, null, null, null, null, null, null,
                    new TaskDeadline(Duration.ofMinutes(30), Duration.ofMinutes(10)),
                    new TaskDeadline(Duration.ofDays(2), Duration.ofHours(6))));

    private TestPeople people;

    @BeforeEach
    void peopleDeadlinesAndRealReminders() {
        people = new TestPeople(engine.getIdentityService());
        PEOPLE.forEach(people::member);
        Mocks.register("planGoNoGo", new PlanGoNoGoDelegate(PROPERTIES));
        Mocks.register("planManualIntervention", new PlanManualInterventionDelegate(PROPERTIES));
        Mocks.register("planIncidentReview", new PlanIncidentReviewDelegate(PROPERTIES));
        Mocks.register("recordAcknowledgement", new RecordAcknowledgementListener());
        Mocks.register("recordIncidentReview", new RecordIncidentReviewListener());
        useRealReminders(smtp.getSmtp().getPort());
        ClockUtil.setCurrentTime(Date.from(START));
    }

    @AfterEach
    void removePeople() {
        people.remove();
    }

    @Test
    @Deployment(resources = {"processes/task-notification.bpmn", "processes/pre-deployment-checks.bpmn", "forms/go-no-go.form"})
    void aLateGoNoGoRemindsTheReleaseManagersThenRisesAsOverdue() throws Exception {
        ProcessInstance checks = startStage(ProcessKeys.PRE_DEPLOYMENT_CHECKS, "shop@3.1.0", Map.of());
        runJobs();
        Task goNoGo = task(checks, "UserTask_GoNoGo");
        assertThat(goNoGo.getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofHours(8))));

        passTo(START.plus(Duration.ofHours(7)).minusSeconds(1));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        passTo(START.plus(Duration.ofHours(7)));
        MimeMessage reminder = only("Reminder, due soon: Go/No-Go: shop 2.0.0");
        assertThat(recipients(reminder)).containsExactlyInAnyOrderElementsOf(RELEASE_MANAGERS);
        assertThat(body(reminder))
                .contains("is due 2026-11-22T18:00:00Z")
                .contains("readiness: 4/4 passed")
                .contains("https://liftoff.example.com/camunda/app/tasklist/default/#/?task=" + goNoGo.getId());

        passTo(START.plus(Duration.ofHours(8)));
        MimeMessage overdue = only("Overdue: Go/No-Go: shop 2.0.0");
        assertThat(recipients(overdue)).as("the release managers are who it waits for").containsExactlyInAnyOrderElementsOf(RELEASE_MANAGERS);
        assertThat(body(overdue)).contains("This was due 2026-11-22T18:00:00Z");
        assertThat(task(checks, "UserTask_GoNoGo").getPriority()).isEqualTo(goNoGo.getPriority() + 20);
    }

    @Test
    @Deployment(resources = {"processes/task-notification.bpmn", "processes/rollback.bpmn", "forms/manual-intervention.form", "incident-response-stand-in.bpmn"})
    void aLateManualInterventionRemindsOperationsThenTellsTheReleaseManagers() throws Exception {
        ProcessInstance rollback = startStage(ProcessKeys.ROLLBACK, "ledger@3.1.0", Map.of(Vars.SERVICE, TestServices.LEDGER,
                Vars.ENVIRONMENT, "production"));
        runJobs();
        Task intervention = task(rollback, "UserTask_ManualIntervention");
        assertThat(intervention.getDueDate()).isEqualTo(Date.from(START.plus(Duration.ofMinutes(30))));

        passTo(START.plus(Duration.ofMinutes(20)).minusSeconds(1));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        passTo(START.plus(Duration.ofMinutes(20)));
        MimeMessage reminder = only("Reminder, due soon: Manual intervention: ledger on production");
        assertThat(recipients(reminder)).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        assertThat(body(reminder)).contains("is due 2026-11-22T10:30:00Z", "waiting for operations");

        passTo(START.plus(Duration.ofMinutes(30)));
        MimeMessage overdue = only("Overdue: Manual intervention: ledger on production");
        assertThat(recipients(overdue)).containsExactlyInAnyOrderElementsOf(both(OPERATIONS, RELEASE_MANAGERS));
        assertThat(task(rollback, "UserTask_ManualIntervention").getPriority()).isEqualTo(intervention.getPriority() + 20);
    }

    @Test
    @Deployment(resources = {"processes/task-notification.bpmn", "processes/incident-response.bpmn", "forms/incident-acknowledgement.form", "forms/post-incident-review.form"})
    void aLateReviewRemindsItsReviewersThenTellsTheReleaseManagers() throws Exception {
        ProcessInstance incident = startStage(ProcessKeys.INCIDENT_RESPONSE, "shop@3.1.0", Map.of(Vars.INCIDENT_SEVERITY, "P3",
                Vars.INCIDENT_TITLE, "shop: production failure (2026-11-22T10:00:00Z)", Vars.INCIDENT_BODY, "smoke: status 500",
                Vars.RELEASE_INSTANCE_ID, "release-1", Vars.DRILL, false));
        ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofMinutes(5))));
        completeAs("oona", task(incident, "UserTask_AcknowledgeIncident"), Map.of());
        Instant due = START.plus(Duration.ofMinutes(5)).plus(Duration.ofDays(2));
        Task review = task(incident, "UserTask_ReviewIncident");
        assertThat(review.getDueDate()).isEqualTo(Date.from(due));

        passTo(due.minus(Duration.ofHours(6)).minusSeconds(1));
        assertThat(smtp.getReceivedMessages()).isEmpty();
        passTo(due.minus(Duration.ofHours(6)));
        MimeMessage reminder = only("Reminder, due soon: Post-incident review: shop: production failure (2026-11-22T10:00:00Z)");
        assertThat(recipients(reminder)).containsExactlyInAnyOrderElementsOf(OPERATIONS);
        assertThat(body(reminder)).contains("is due 2026-11-24T10:05:00Z");

        passTo(due);
        MimeMessage overdue = only("Overdue: Post-incident review: shop: production failure (2026-11-22T10:00:00Z)");
        assertThat(recipients(overdue)).containsExactlyInAnyOrderElementsOf(both(OPERATIONS, RELEASE_MANAGERS));
        assertThat(task(incident, "UserTask_ReviewIncident").getPriority()).isEqualTo(review.getPriority() + 20);
    }

    /** the one message with this subject (GreenMail keeps a copy per recipient) */
    private static MimeMessage only(String subject) {
        List<MimeMessage> copies = Arrays.stream(smtp.getReceivedMessages()).filter(message -> subject.equals(subject(message))).toList();
        assertThat(copies).as("mails with subject %s", subject).isNotEmpty();
        return copies.get(0);
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("\r\n", "\n");
    }

    private static List<String> both(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
