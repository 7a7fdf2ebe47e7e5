package dev.liftoff.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.liftoff.notification.MailTemplate.Mail;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail goes out once per key, against a real database (H2 with Liftoff's schema) and a real SMTP
 * server: the step sending it may run again after a failure or a crash, and must not mail twice.
 */
class SentMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    private static final Mail MAIL = new Mail("shop 2.0.0: RELEASED", "Released.");

    private DataSourceTransactionManager transactions;
    private Mailer mailer;

    @BeforeEach
    void database() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:sent-mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (var connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/liftoff-schema.sql"));
        }
        transactions = new DataSourceTransactionManager(dataSource);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        mailer = new Mailer(sender, "liftoff@example.com", new SentMail(dataSource, transactions));
    }

    @Test
    void aKeySentBeforeIsNotSentAgainAndAnotherKeyIs() {
        mailer.send("mail-step-1", List.of("product@example.com"), MAIL);
        mailer.send("mail-step-1", List.of("product@example.com"), MAIL);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        mailer.send("mail-step-2", List.of("product@example.com"), MAIL);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void theRecordOutlivesTheStepThatFailedAfterSending() {
        TransactionTemplate step = new TransactionTemplate(transactions);
        // the step sends, then fails: its own transaction rolls back, the engine will run it again
        assertThatThrownBy(() -> step.executeWithoutResult(status -> {
            mailer.send("mail-step-3", List.of("oncall@example.com"), MAIL);
            throw new IllegalStateException("the step failed after its mail went out");
        })).hasMessageContaining("failed after its mail");

        step.executeWithoutResult(status -> mailer.send("mail-step-3", List.of("oncall@example.com"), MAIL));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }
}
