package dev.liftoff.notification;

import dev.liftoff.config.LiftoffProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Mails a release's outcome to the stakeholders of its service ({@code stakeholders} in the
 * service's configuration), from the template {@code templates/release-outcome-email.txt}. Without
 * a mail server ({@code spring.mail.host}) or without stakeholders, nothing is sent.
 */
@Service
public class StakeholderMail {

    private static final Logger LOG = LoggerFactory.getLogger(StakeholderMail.class);
    private static final TextTemplate OUTCOME = TextTemplate.load("release-outcome-email.txt");

    private final JavaMailSender sender;
    private final LiftoffProperties properties;
    private final String from;

    @Autowired
    public StakeholderMail(ObjectProvider<JavaMailSender> sender, LiftoffProperties properties, Environment environment) {
        this(sender.getIfAvailable(), properties, environment.getProperty("liftoff.incidents.email.from",
                environment.getProperty("spring.mail.username", "liftoff@localhost")));
    }

    /** @param sender null when no mail server is configured */
    public StakeholderMail(JavaMailSender sender, LiftoffProperties properties, String from) {
        this.sender = sender;
        this.properties = properties;
        this.from = from;
    }

    /** whether the service has stakeholders to tell and a mail server to tell them through */
    public boolean tells(String service) {
        if (stakeholders(service).isEmpty()) {
            return false;
        }
        if (sender == null) {
            LOG.warn("{} has stakeholders but no mail server is configured (spring.mail.host): they are not told", service);
            return false;
        }
        return true;
    }

    /** sends the outcome; a mail server that fails throws, so that the job retries and then shows an incident */
    public void tell(ReleaseOutcome outcome) {
        if (!tells(outcome.service())) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(stakeholders(outcome.service()).toArray(String[]::new));
        message.setSubject(outcome.service() + " " + outcome.version() + ": " + outcome.outcome());
        message.setText(OUTCOME.render(outcome.placeholders()));
        sender.send(message);
    }

    private List<String> stakeholders(String service) {
        return properties.service(service).map(config -> config.stakeholders()).orElse(List.of());
    }
}
