package dev.liftoff.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.liftoff.config.AdminProperties;
import dev.liftoff.config.DeployTargetConfig;
import dev.liftoff.config.EnvironmentConfig;
import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A release's outcome mailed to the service's stakeholders through a real SMTP server (GreenMail). */
class StakeholderMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final ReleaseOutcome ROLLED_BACK = new ReleaseOutcome("shop@2.0.0", "shop", "2.0.0", "abcdef0123", "erin",
            "ROLLED_BACK", "Rolled production back to 1.9.0 (1111aaa) and verified it.",
            "production verification failed: production 30/31 passed — score: status 500 (expected 200)",
            "production error-rate (verification): FAILED: 0.25: not result < 0.05; graph: http://prometheus.example.com/graph?g0.expr=x");

    @Test
    void tellsEveryStakeholderTheOutcomeTheReasonAndTheRollback() throws Exception {
        StakeholderMail mail = new StakeholderMail(new Mailer(sender(), "liftoff@example.com"),
                properties(List.of("product@example.com", "support@example.com")));

        mail.tell("mail-outcome", ROLLED_BACK);

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("shop 2.0.0: ROLLED_BACK");
        assertThat(message.getFrom()[0].toString()).isEqualTo("liftoff@example.com");
        assertThat(List.of(message.getRecipients(Message.RecipientType.TO)).stream().map(Object::toString))
                .containsExactly("product@example.com", "support@example.com");
        assertThat(GreenMailUtil.getBody(message).replace("\r\n", "\n"))
                .contains("Rolled production back to 1.9.0 (1111aaa) and verified it.")
                .contains("Release shop@2.0.0, commit abcdef0123, requested by erin.")
                .contains("Rollback: production verification failed: production 30/31 passed");
        // decoded: a long line travels quoted-printable, broken where the raw body shows it
        assertThat(message.getContent().toString().replace("\r\n", "\n"))
                .contains("Metric analyses:\nproduction error-rate (verification): FAILED: 0.25: not result < 0.05; graph: "
                        + "http://prometheus.example.com/graph?g0.expr=x");
    }

    @Test
    void withoutStakeholdersOrWithoutAMailServerNobodyIsTold() {
        StakeholderMail nobodyToTell = new StakeholderMail(new Mailer(sender(), "liftoff@example.com"), properties(List.of()));
        StakeholderMail noServer = new StakeholderMail(Mailer.withoutServer(), properties(List.of("product@example.com")));

        nobodyToTell.tell("mail-1", ROLLED_BACK);
        noServer.tell("mail-2", ROLLED_BACK);

        assertThat(nobodyToTell.tells("shop")).isFalse();
        assertThat(noServer.tells("shop")).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        return sender;
    }

    private static LiftoffProperties properties(List<String> stakeholders) {
        DeployTargetConfig deploy = new DeployTargetConfig(DeployTargetConfig.Type.WEBHOOK,
                new DeployTargetConfig.Webhook(URI.create("http://127.0.0.1:9/deploy"), null, null), null);
        EnvironmentConfig environment = new EnvironmentConfig(URI.create("http://127.0.0.1:9"), null, null, deploy, null);
        ServiceConfig shop = new ServiceConfig(Map.of("staging", environment, "production", environment), List.of(), null, null,
                null, null, null, null, stakeholders);
        return new LiftoffProperties(new AdminProperties("admin", "admin"), Map.of("shop", shop));
    }
}
