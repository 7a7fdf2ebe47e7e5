package dev.liftoff.notification;

import dev.liftoff.analysis.AnalysisEvidence;
import dev.liftoff.config.ServiceConfig;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Closing a release: starts a {@code release-notification} instance of its own that mails the
 * outcome to the service's stakeholders, so that a mail server that is down is retried there and
 * shows as an incident there, and never holds the release. Started in the closure's transaction,
 * so a retried closure starts it once.
 */
@Component("notifyStakeholders")
public class NotifyStakeholdersDelegate implements JavaDelegate {

    private final StakeholderMail mail;

    public NotifyStakeholdersDelegate(StakeholderMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DelegateExecution release = RootInstance.of(execution);
        String service = (String) release.getVariable(Vars.SERVICE);
        if (!mail.tells(service)) {
            return;
        }
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ProcessKeys.RELEASE_NOTIFICATION,
                release.getProcessBusinessKey(), Variables.createVariables()
                        .putValue(Vars.SERVICE, service)
                        .putValue(Vars.VERSION, release.getVariable(Vars.VERSION))
                        .putValue(Vars.COMMIT_SHA, release.getVariable(Vars.COMMIT_SHA))
                        .putValue(Vars.REQUESTED_BY, release.getVariable(Vars.REQUESTED_BY))
                        .putValue(Vars.OUTCOME, release.getVariable(Vars.OUTCOME))
                        .putValue(Vars.OUTCOME_REASON, release.getVariable(Vars.OUTCOME_REASON))
                        .putValue(Vars.ROLLBACK_TRIGGER, release.getVariable(Vars.ROLLBACK_TRIGGER))
                        .putValue(EmailStakeholdersDelegate.METRIC_ANALYSES, analyses(release)));
    }

    private static String analyses(DelegateExecution release) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String environment : List.of(ServiceConfig.STAGING, ServiceConfig.PRODUCTION)) {
            rows.addAll(AnalysisEvidence.rows(environment, JsonVars.read(release, Vars.verificationOf(environment)),
                    JsonVars.read(release, Vars.metricTriggersOf(environment))));
        }
        return rows.isEmpty() ? null : AnalysisEvidence.lines(rows);
    }
}
