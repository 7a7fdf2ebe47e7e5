package dev.liftoff.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.notification.Mailer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Incident mail through a real SMTP server (GreenMail): recipients, subject and the templates' text. */
class IncidentMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final IncidentNotice INCIDENT = new IncidentNotice("shop: production failure (2026-03-01T10:15:30Z)", "P1",
            "A release failed at **production**.\n\n```text\nsmoke: status 500\n```", "shop", "2.0.0", "abcdef0123", "operations",
            Instant.parse("2026-03-01T10:20:30Z"));

    static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }

    @Test
    void announcesTheIncidentToTheConfiguredRecipients() throws Exception {
        IncidentMail mail = new IncidentMail(new Mailer(sender(), "liftoff@example.com"),
                new IncidentsConfig.Email(List.of("oncall@example.com", "ops@example.com"), "liftoff@example.com"));

        mail.announce("mail-announce", INCIDENT);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one delivery per recipient, one message
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("shop: production failure (2026-03-01T10:15:30Z)");
        assertThat(message.getFrom()[0].toString()).isEqualTo("liftoff@example.com");
        assertThat(List.of(message.getRecipients(Message.RecipientType.TO)).stream().map(Object::toString))
                .containsExactly("oncall@example.com", "ops@example.com");
        String text = GreenMailUtil.getBody(message).replace("\r\n", "\n");
        assertThat(text)
                .contains("Severity P1: shop 2.0.0 (commit abcdef0123).")
                .contains("Group operations must acknowledge it in Liftoff's Tasklist by 2026-03-01T10:20:30Z;")
                .contains("smoke: status 500");
    }

    @Test
    void escalationGoesToTheGroupWithItsOwnTemplate() throws Exception {
        IncidentMail mail = new IncidentMail(new Mailer(sender(), "liftoff-bot@example.com"), new IncidentsConfig.Email(List.of(), null));

        boolean sent = mail.escalate("mail-escalate", INCIDENT, 2, "release-managers", List.of("rita@example.com"));

        assertThat(sent).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Not acknowledged (escalation 2): shop: production failure (2026-03-01T10:15:30Z)");
        assertThat(message.getFrom()[0].toString()).isEqualTo("liftoff-bot@example.com");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("rita@example.com");
        assertThat(GreenMailUtil.getBody(message).replace("\r\n", "\n"))
                .contains("Nobody has acknowledged this P1 incident of shop 2.0.0: the deadline was\n2026-03-01T10:20:30Z.")
                .contains("This is escalation 2; it goes to release-managers");
    }

    @Test
    void anEscalationWithoutAddressesOrMailServerMailsNobodyAndSaysSo() {
        IncidentMail noServer = new IncidentMail(Mailer.withoutServer(), new IncidentsConfig.Email(List.of(), null));
        IncidentMail noAddresses = new IncidentMail(new Mailer(sender(), "liftoff@example.com"), new IncidentsConfig.Email(List.of(), null));

        assertThat(noServer.escalate("mail-1", INCIDENT, 1, "release-managers", List.of("rita@example.com"))).isFalse();
        assertThat(noAddresses.escalate("mail-2", INCIDENT, 1, "release-managers", List.of())).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void recipientsWithoutAMailServerStopStartupNamingTheKeys() {
        assertThatThrownBy(() -> new IncidentMail(Mailer.withoutServer(), new IncidentsConfig.Email(List.of("oncall@example.com"), null)))
                .hasMessageContaining("liftoff.incidents.email.to is set but no mail server is: set spring.mail.host");
    }
}
