package dev.liftoff.notification;

import dev.liftoff.config.LiftoffProperties;
import dev.liftoff.config.ServiceConfig;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Mails a release's outcome to the stakeholders of its service ({@code stakeholders} in the
 * service's configuration), from the template {@code templates/release-outcome-email.txt}. Without
 * a mail server ({@code spring.mail.host}) or without stakeholders, nothing is sent.
 */
@Service
public class StakeholderMail {

    private static final Logger LOG = LoggerFactory.getLogger(StakeholderMail.class);
    private static final MailTemplate OUTCOME = MailTemplate.load("release-outcome-email.txt");

    private final Mailer mailer;
    private final LiftoffProperties properties;

    public StakeholderMail(Mailer mailer, LiftoffProperties properties) {
        this.mailer = mailer;
        this.properties = properties;
    }

    /** whether the service has stakeholders to tell and a mail server to tell them through */
    public boolean tells(String service) {
        if (stakeholders(service).isEmpty()) {
            return false;
        }
        if (!mailer.available()) {
            LOG.warn("{} has stakeholders but no mail server is configured (spring.mail.host): they are not told", service);
            return false;
        }
        return true;
    }

    /** sends the outcome; a mail server that fails throws, so that the job retries and then shows an incident */
    public void tell(String key, ReleaseOutcome outcome) {
        if (tells(outcome.service())) {
            mailer.send(key, stakeholders(outcome.service()), OUTCOME.render(outcome.placeholders()));
        }
    }

    private List<String> stakeholders(String service) {
        return properties.service(service).map(ServiceConfig::stakeholders).orElse(List.of());
    }
}
