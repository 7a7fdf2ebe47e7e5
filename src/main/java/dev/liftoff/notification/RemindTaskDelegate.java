package dev.liftoff.notification;

import dev.liftoff.process.Groups;
import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A timer on a user task fired: {@code notice} {@code reminder} mails its candidates that it is due
 * soon; {@code overdue} mails them and the release managers that it is late, and raises its
 * priority in Tasklist. {@code waitingTask} names the user task (its id in the model).
 */
@Component("remindTask")
public class RemindTaskDelegate implements JavaDelegate {

    static final int OVERDUE_PRIORITY_STEP = 20;

    private final TaskMail mail;

    public RemindTaskDelegate(TaskMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Notice notice = Notice.valueOf(((String) execution.getVariable(Vars.NOTICE)).toUpperCase(java.util.Locale.ROOT));
        ProcessEngineServices engine = execution.getProcessEngineServices();
        TaskService tasks = engine.getTaskService();
        DelegateExecution release = RootInstance.of(execution);
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey((String) execution.getVariable(Vars.WAITING_TASK)).list()) {
            List<String> groups = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getGroupId() != null) {
                        groups.add(link.getGroupId());
                    } else {
                        users.add(link.getUserId());
                    }
                }
            }
            List<String> audience = new ArrayList<>(groups);
            if (notice == Notice.OVERDUE) {
                audience.add(Groups.RELEASE_MANAGERS);
                task.setPriority(Math.min(100, task.getPriority() + OVERDUE_PRIORITY_STEP));
                tasks.saveTask(task);
            }
            mail.send(notice, new WaitingTask(task.getId(), task.getName(), execution.getProcessBusinessKey(),
                    text(release.getVariable(Vars.SERVICE)), text(release.getVariable(Vars.VERSION)),
                    text(release.getVariable(Vars.COMMIT_SHA)), String.join(", ", groups),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), ReleaseEvidence.summary(release)),
                    TaskAudience.emails(engine, task.getId(), audience, users));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
