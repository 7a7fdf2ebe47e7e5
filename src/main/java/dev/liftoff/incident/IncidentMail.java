package dev.liftoff.incident;

import dev.liftoff.notification.Mailer;
import dev.liftoff.notification.MailTemplate;
import dev.liftoff.config.IncidentsConfig;
import dev.liftoff.config.LiftoffProperties;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
    private static final MailTemplate ANNOUNCEMENT = MailTemplate.load("incident-email.txt");
    private static final MailTemplate ESCALATION = MailTemplate.load("incident-escalation-email.txt");

    private final Mailer mailer;
    private final IncidentsConfig.Email config;

    @Autowired
    public IncidentMail(Mailer mailer, LiftoffProperties properties) {
        this(mailer, properties.incidents().email());
    }

    /** @throws IllegalStateException when recipients are configured but no mail server is */
    public IncidentMail(Mailer mailer, IncidentsConfig.Email config) {
        this.mailer = mailer;
        this.config = config;
        if (config.enabled() && !mailer.available()) {
            throw new IllegalStateException("liftoff.incidents.email.to is set but no mail server is: set spring.mail.host "
                    + "(and spring.mail.port, spring.mail.username, spring.mail.password as your server needs)");
        }
    }

    /** @param key the sending step's ({@link dev.liftoff.notification.MailKeys}) */
    public void announce(String key, IncidentNotice incident) {
        mailer.send(key, config.to(), ANNOUNCEMENT.render(incident.placeholders()));
        LOG.info("incident '{}' mailed to {}", incident.title(), config.to());
    }

    /** @return whether a mail went out: not without a mail server or without anybody to send it to */
    public boolean escalate(String key, IncidentNotice incident, int count, String escalationGroup, List<String> to) {
        if (!mailer.available()) {
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
        mailer.send(key, to, ESCALATION.render(values));
        LOG.info("incident '{}' escalation {} mailed to {}", incident.title(), count, to);
        return true;
    }
}
