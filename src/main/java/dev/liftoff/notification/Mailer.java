package dev.liftoff.notification;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends Liftoff's plain-text mails through Spring Mail, from {@code liftoff.incidents.email.from}
 * (else {@code spring.mail.username} when it is an address, else {@code liftoff@localhost}). Without a mail server ({@code spring.mail.host}) nothing is
 * sent; a mail server that fails throws, so that the job sending it retries and then shows an
 * incident in Cockpit.
 */
@Service
public class Mailer {

    private final JavaMailSender sender;
    private final String from;

    @Autowired
    public Mailer(ObjectProvider<JavaMailSender> sender, @Value("${liftoff.incidents.email.from:#{null}}") String configuredFrom,
            @Value("${spring.mail.username:#{null}}") String mailUsername) {
        this(sender.getIfAvailable(), senderAddress(configuredFrom, mailUsername));
    }

    /** @param sender null when no mail server is configured */
    public Mailer(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
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

    /** sends nothing without a mail server or without anybody to send to */
    public void send(List<String> to, String subject, String text) {
        if (sender == null || to.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
