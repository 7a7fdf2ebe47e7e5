package dev.liftoff.incident;

import dev.liftoff.notification.TextTemplate;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Incident mail through Spring Mail: the announcement to {@code liftoff.incidents.email.to} and
 * the escalation to the escalation group. The wording is in {@code templates/incident-*.txt}.
 * Sent from jobs of the incident-response process, so a mail server that is down is retried and
 * then shown in Cockpit, and never holds up the release or the people acknowledging.
 */
@Component
public class IncidentMail {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentMail.class);
    private static final TextTemplate ANNOUNCEMENT = TextTemplate.load("incident-email.txt");
    private static final TextTemplate ESCALATION = TextTemplate.load("incident-escalation-email.txt");

    private final JavaMailSender sender;
    private final IncidentsConfig.Email config;
    private final String from;

    /** @param sender present when {@code spring.mail.host} is set */
    @Autowired
    public IncidentMail(ObjectProvider<JavaMailSender> sender, LiftoffProperties properties, Environment environment) {
        this(sender.getIfAvailable(), properties.incidents().email(), environment.getProperty("spring.mail.username"));
    }

    /** @param sender null when no mail server is configured */
    public IncidentMail(JavaMailSender sender, IncidentsConfig.Email config, String mailUsername) {
        this.sender = sender;
        this.config = config;
        this.from = config.from() != null ? config.from() : mailUsername != null && mailUsername.contains("@") ? mailUsername : "liftoff@localhost";
        if (config.enabled() && sender == null) {
            throw new IllegalStateException("liftoff.incidents.email.to is set but no mail server is: set spring.mail.host "
                    + "(and spring.mail.port, spring.mail.username, spring.mail.password as your server needs)");
        }
    }

    public void announce(IncidentNotice incident) {
        send(config.to(), incident.title(), ANNOUNCEMENT.render(incident.placeholders()));
        LOG.info("incident '{}' mailed to {}", incident.title(), config.to());
    }

    /** @return whether a mail went out: not without a mail server or without anybody to send it to */
    public boolean escalate(IncidentNotice incident, int count, String escalationGroup, List<String> to) {
        if (sender == null) {
            LOG.warn("incident '{}' escalated ({}), but no mail server is configured (spring.mail.host): nobody was mailed",
                    incident.title(), count);
            return false;
        }
        if (to.isEmpty()) {
            LOG.warn("incident '{}' escalated ({}), but no member of group {} has an email address: nobody was mailed",
                    incident.title(), count, escalationGroup);
            return false;
        }
        Map<String, String> values = incident.placeholders();
        values.put("count", Integer.toString(count));
        values.put("escalationGroup", escalationGroup);
        send(to, "Not acknowledged (escalation " + count + "): " + incident.title(), ESCALATION.render(values));
        LOG.info("incident '{}' escalation {} mailed to {}", incident.title(), count, to);
        return true;
    }

    private void send(List<String> to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
