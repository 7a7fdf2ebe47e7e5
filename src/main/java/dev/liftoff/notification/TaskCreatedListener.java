package dev.liftoff.notification;

import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * On every user task Liftoff creates: starts a {@code task-notification} instance of its own that
 * mails the candidates what is waiting for them, with the evidence and a link to the task. The
 * mail goes out from that instance's job, so a mail server that is down never holds the release;
 * without a mail server ({@code spring.mail.host}) nothing is started.
 */
@Component
public class TaskCreatedListener implements TaskListener {

    private final Mailer mailer;

    public TaskCreatedListener(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!mailer.available()) {
            return;
        }
        DelegateExecution release = RootInstance.of(task);
        task.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ProcessKeys.TASK_NOTIFICATION,
                task.getExecution().getProcessBusinessKey(), Variables.createVariables()
                        .putValue(Vars.TASK_ID, task.getId())
                        .putValue(Vars.TASK_NAME, task.getName())
                        .putValue(Vars.TASK_DUE, task.getDueDate())
                        .putValue(Vars.CANDIDATE_GROUPS, candidates(task, true))
                        .putValue(Vars.CANDIDATE_USERS, candidates(task, false))
                        .putValue(Vars.SERVICE, text(release.getVariable(Vars.SERVICE)))
                        .putValue(Vars.VERSION, text(release.getVariable(Vars.VERSION)))
                        .putValue(Vars.COMMIT_SHA, text(release.getVariable(Vars.COMMIT_SHA)))
                        .putValue(Vars.EVIDENCE_SUMMARY, ReleaseEvidence.summary(release)));
    }

    private static String candidates(DelegateTask task, boolean groups) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(groups ? IdentityLink::getGroupId : IdentityLink::getUserId)
                .filter(id -> id != null)
                .collect(Collectors.joining(","));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
