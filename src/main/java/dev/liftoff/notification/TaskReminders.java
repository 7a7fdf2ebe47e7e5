package dev.liftoff.notification;

import dev.liftoff.process.Groups;
import dev.liftoff.process.TaskCandidates;
import dev.liftoff.process.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reminders and escalations of user tasks that wait too long: a reminder mails the people a task
 * waits for; an overdue notice mails them and the release managers, and raises the task's
 * priority in Tasklist.
 */
@Service
public class TaskReminders {

    static final int OVERDUE_PRIORITY_STEP = 20;

    private final TaskMail mail;

    public TaskReminders(TaskMail mail) {
        this.mail = mail;
    }

    /**
     * @param taskKey the user task's id in the model; every open instance of it in the process instance is concerned
     * @param release the release the tasks belong to, for the mail's service, version, commit and evidence
     */
    public void notify(ProcessEngineServices engine, String processInstanceId, String businessKey, String taskKey, Notice notice,
            VariableScope release) {
        TaskService tasks = engine.getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list()) {
            TaskCandidates candidates = TaskCandidates.of(tasks, task.getId());
            List<String> groups = candidates.groups();
            List<String> users = candidates.users();
            List<String> audience = new ArrayList<>(groups);
            if (notice == Notice.OVERDUE) {
                audience.add(Groups.RELEASE_MANAGERS);
                task.setPriority(Math.min(100, task.getPriority() + OVERDUE_PRIORITY_STEP));
                tasks.saveTask(task);
            }
            mail.send(notice, new WaitingTask(task.getId(), task.getName(), businessKey, text(release.getVariable(Vars.SERVICE)),
                    text(release.getVariable(Vars.VERSION)), text(release.getVariable(Vars.COMMIT_SHA)), String.join(", ", groups),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), ReleaseEvidence.summary(release)),
                    TaskAudience.emails(engine, task.getId(), audience, users));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
