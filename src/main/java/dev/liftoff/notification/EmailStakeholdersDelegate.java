package dev.liftoff.notification;

import dev.liftoff.process.Vars;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails the outcome the {@code release-notification} instance carries to the service's stakeholders. */
@Component("emailStakeholders")
public class EmailStakeholdersDelegate implements JavaDelegate {

    /** the release's metric analyses as lines of text, handed over by {@link NotifyStakeholdersDelegate} */
    static final String METRIC_ANALYSES = "metricAnalyses";

    private final StakeholderMail mail;

    public EmailStakeholdersDelegate(StakeholderMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.tell(MailKeys.of(execution), new ReleaseOutcome(execution.getProcessBusinessKey(), text(execution, Vars.SERVICE), text(execution, Vars.VERSION),
                text(execution, Vars.COMMIT_SHA), text(execution, Vars.REQUESTED_BY), text(execution, Vars.OUTCOME),
                text(execution, Vars.OUTCOME_REASON), text(execution, Vars.ROLLBACK_TRIGGER), text(execution, METRIC_ANALYSES)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
