package dev.liftoff.notification;

import dev.liftoff.notification.MailTemplate.Mail;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends Liftoff's plain-text mails through Spring Mail, from {@code liftoff.incidents.email.from}
 * (else {@code spring.mail.username} when it is an address, else {@code liftoff@localhost}), once
 * per key: a mail whose key is in {@link SentMail} was sent before, by an earlier run of the same
 * step, and is not sent again. Without a mail server ({@code spring.mail.host}) nothing is sent; a
 * mail server that fails throws, so that the job sending it retries and then shows an incident in
 * Cockpit.
 */
@Service
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final String from;
    private final SentMail sent;

    @Autowired
    public Mailer(ObjectProvider<JavaMailSender> sender, @Value("${liftoff.incidents.email.from:#{null}}") String configuredFrom,
            @Value("${spring.mail.username:#{null}}") String mailUsername, SentMail sent) {
        this(sender.getIfAvailable(), senderAddress(configuredFrom, mailUsername), sent);
    }

    /**
     * @param sender null when no mail server is configured
     * @param sent null: every mail is sent, a repeated key too
     */
    public Mailer(JavaMailSender sender, String from, SentMail sent) {
        this.sender = sender;
        this.from = from;
        this.sent = sent;
    }

    /** a mailer that keeps no record of what it sent, as in tests of a single step */
    public Mailer(JavaMailSender sender, String from) {
        this(sender, from, null);
    }

    /** the configured sender, else the mail server's user name when it is an address, else liftoff@localhost */
    static String senderAddress(String configuredFrom, String mailUsername) {
        if (configuredFrom != null && !configuredFrom.isBlank()) {
            return configuredFrom;
        }
        return mailUsername != null && mailUsername.contains("@") ? mailUsername : "liftoff@localhost";
    }

    /** a mailer with no mail server: it sends nothing */
    public static Mailer withoutServer() {
        return new Mailer((JavaMailSender) null, "liftoff@localhost");
    }

    /** whether a mail server is configured */
    public boolean available() {
        return sender != null;
    }

    /**
     * Sends nothing without a mail server, without anybody to send to, or when a mail with this key
     * went out before.
     *
     * @param key the sending step's ({@link MailKeys})
     */
    public void send(String key, List<String> to, Mail mail) {
        if (sender == null || to.isEmpty()) {
            return;
        }
        if (sent != null && sent.contains(key)) {
            LOG.info("'{}' went out before ({}): not sent again", mail.subject(), key);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(mail.subject());
        message.setText(mail.text());
        sender.send(message);
        if (sent != null) {
            sent.record(key, mail.subject(), to);
        }
    }
}
