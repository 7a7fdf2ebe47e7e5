package dev.liftoff.incident;

import dev.liftoff.notification.MailKeys;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the incident to the configured recipients. */
@Component("emailIncident")
public class EmailIncidentDelegate implements JavaDelegate {

    private final IncidentMail mail;

    public EmailIncidentDelegate(IncidentMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.announce(MailKeys.of(execution), IncidentNotice.of(execution));
    }
}
