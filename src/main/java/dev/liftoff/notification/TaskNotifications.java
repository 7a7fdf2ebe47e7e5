package dev.liftoff.notification;

import dev.liftoff.process.ProcessKeys;
import dev.liftoff.process.TaskCandidates;
import dev.liftoff.process.Vars;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Tells people about a task from a {@code task-notification} instance of its own: the mail goes out
 * from that instance's job, retried there and then shown as its incident in Cockpit, so a mail
 * server that is down never holds the release or the step that asked for the mail. Without a mail
 * server ({@code spring.mail.host}) nothing is started.
 */
@Service
public class TaskNotifications {

    private final Mailer mailer;

    public TaskNotifications(Mailer mailer) {
        this.mailer = mailer;
    }

    /** The task a notice is about, as its mail describes it. */
    public record AboutTask(String id, String name, Date due, String businessKey, TaskCandidates candidates) {
    }

    /**
     * @param alsoNotified groups told besides the task's candidates
     * @param release the release the task belongs to, for the mail's service, version, commit and evidence
     */
    public void tell(RuntimeService runtime, AboutTask task, Notice notice, List<String> alsoNotified, VariableScope release) {
        if (!mailer.available()) {
            return;
        }
        runtime.startProcessInstanceByKey(ProcessKeys.TASK_NOTIFICATION, task.businessKey(), Variables.createVariables()
                .putValue(Vars.NOTICE, notice.name())
                .putValue(Vars.TASK_ID, task.id())
                .putValue(Vars.TASK_NAME, task.name())
                .putValue(Vars.TASK_DUE, task.due())
                .putValue(Vars.CANDIDATE_GROUPS, String.join(",", task.candidates().groups()))
                .putValue(Vars.CANDIDATE_USERS, String.join(",", task.candidates().users()))
                .putValue(Vars.ALSO_NOTIFIED_GROUPS, String.join(",", alsoNotified))
                .putValue(Vars.SERVICE, text(release.getVariable(Vars.SERVICE)))
                .putValue(Vars.VERSION, text(release.getVariable(Vars.VERSION)))
                .putValue(Vars.COMMIT_SHA, text(release.getVariable(Vars.COMMIT_SHA)))
                .putValue(Vars.EVIDENCE_SUMMARY, ReleaseEvidence.summary(release)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
