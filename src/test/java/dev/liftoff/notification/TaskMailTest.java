package dev.liftoff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mail that announces a task, through a real SMTP server (GreenMail). */
class TaskMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final WaitingTask GO_NO_GO = new WaitingTask("task-42", "Go/No-Go: shop 2.0.0", "shop@2.0.0", "shop", "2.0.0",
            "abcdef0123", "release-managers", Instant.parse("2026-11-24T10:00:00Z"), "readiness: 4/4 passed");

    @Test
    void saysWhatWaitsForWhomWithTheEvidenceAndALinkToTheTask() throws Exception {
        TaskMail mail = new TaskMail(new Mailer(sender(), "liftoff@example.com"), "https://liftoff.example.com/");

        mail.send("mail-created", Notice.CREATED, GO_NO_GO, List.of("rita@example.com", "rob@example.com"));

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Waiting for you in Tasklist: Go/No-Go: shop 2.0.0");
        assertThat(GreenMailUtil.getBody(message).replace("\r\n", "\n"))
                .contains("This is waiting for release-managers in Liftoff: release shop@2.0.0 (shop 2.0.0,")
                .contains("Due: 2026-11-24T10:00:00Z.")
                .contains("readiness: 4/4 passed")
                .contains("Open the task in Tasklist: https://liftoff.example.com/camunda/app/tasklist/default/#/?task=task-42");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void nobodyToTellOrNoMailServerSendsNothing() {
        new TaskMail(new Mailer(sender(), "liftoff@example.com"), "http://localhost:8080").send("mail-1", Notice.CREATED, GO_NO_GO, List.of());
        new TaskMail(Mailer.withoutServer(), "http://localhost:8080").send("mail-2", Notice.CREATED, GO_NO_GO, List.of("rita@example.com"));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPublicUrlThatIsNoUrlStopsWithTheKeyNamed() {
        assertThatThrownBy(() -> new TaskMail(Mailer.withoutServer(), "liftoff.example.com"))
                .hasMessageStartingWith("liftoff.public-url must be the absolute http(s) URL people reach Liftoff at");
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }
}
