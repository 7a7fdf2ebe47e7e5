package dev.liftoff.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A UAT that runs late, with the real reminder step and a real SMTP server (GreenMail): the
 * testers are reminded before it is due; once overdue, they and the release managers are told and
 * the task rises in Tasklist.
 */
@Deployment(resources = {"processes/task-notification.bpmn", "processes/uat-signoff.bpmn", "processes/uat-feedback-verdict.dmn", "forms/uat.form"})
class TaskRemindersTest extends ReleaseProcessTestBase {

    // the engine of the process tests; coverage of uat-signoff is UatSignoffProcessTest's business
    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder("camunda-process-test.cfg.xml").build();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Map<String, String> PEOPLE = Map.of("tara", Groups.UAT_TESTERS, "tom", Groups.UAT_TESTERS,
            "rhea", Groups.RELEASE_MANAGERS);

    private TestPeople people;

    @BeforeEach
    void peopleAndRealReminders() {
        people = new TestPeople(engine.getIdentityService());
        PEOPLE.forEach(people::member);
        useRealReminders(smtp.getSmtp().getPort());
        ClockUtil.setCurrentTime(Date.from(START));
    }

    @AfterEach
    void removePeople() {
        people.remove();
    }

    @Test
    void remindsTheTestersThenTellsThemAndTheReleaseManagersWhenOverdue() throws Exception {
        ProcessInstance uat = startStage(ProcessKeys.UAT_SIGNOFF, "shop@3.0.0", Map.of("stagingVerification",
                JsonVars.json(Map.of("summary", "44/44 passed"))));
        String taskId = task(uat, "UserTask_Uat").getId();
        int priority = task(uat, "UserTask_Uat").getPriority();

        passTo(START.plus(Duration.ofHours(44)));
        MimeMessage reminder = only(smtp.getReceivedMessages());
        assertThat(reminder.getSubject()).isEqualTo("Reminder, due soon: UAT: shop 2.0.0");
        assertThat(recipients(reminder)).containsExactlyInAnyOrder("tara@example.com", "tom@example.com");
        assertThat(GreenMailUtil.getBody(reminder).replace("\r\n", "\n"))
                .contains("is due 2026-11-24T10:00:00Z")
                .contains("staging: 44/44 passed")
                .contains("https://liftoff.example.com/camunda/app/tasklist/default/#/?task=" + taskId);

        passTo(START.plus(Duration.ofHours(48)));
        MimeMessage overdue = Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> subject(message).startsWith("Overdue: ")).findFirst().orElseThrow();
        assertThat(recipients(overdue)).containsExactlyInAnyOrder("tara@example.com", "tom@example.com", "rhea@example.com");
        assertThat(task(uat, "UserTask_Uat").getPriority()).isEqualTo(priority + 20);
    }

    /** GreenMail keeps one copy per recipient: the copies of one message */
    private static MimeMessage only(MimeMessage[] received) {
        assertThat(Arrays.stream(received).map(TaskRemindersTest::subject).distinct()).hasSize(1);
        return received[0];
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
