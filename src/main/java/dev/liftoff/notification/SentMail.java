package dev.liftoff.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails Liftoff sent, by key ({@code liftoff_mail_sent}). A sent mail is recorded in a
 * transaction of its own, committed as soon as the mail server took it: the step that sent it may
 * still fail or its node crash before the step's own transaction commits, and its retry must find
 * the record. (Only a crash in the moment between the server's answer and that commit leaves no
 * record: then the mail goes out once more.)
 */
@Repository
public class SentMail {

    private static final int SUBJECT_LENGTH = 1000;
    private static final int RECIPIENTS_LENGTH = 4000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public SentMail(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public boolean contains(String key) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM liftoff_mail_sent WHERE mail_key = ?", Integer.class, key);
        return count != null && count > 0;
    }

    public void record(String key, String subject, List<String> to) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO liftoff_mail_sent (mail_key, sent_at, subject, recipients) VALUES (?, ?, ?, ?)",
                    key, Timestamp.from(Instant.now()), cut(subject, SUBJECT_LENGTH), cut(String.join(", ", to), RECIPIENTS_LENGTH)));
        } catch (DuplicateKeyException e) {
            // recorded already: a retry that found no record before sending, while the first run's commit was on its way
        }
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
