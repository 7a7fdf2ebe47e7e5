package dev.liftoff.notification;

import dev.liftoff.process.Groups;
import dev.liftoff.process.TaskCandidates;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Reminders and escalations of user tasks that wait too long: a reminder tells the people a task
 * waits for; an overdue notice tells them and the release managers, and raises the task's priority
 * in Tasklist. The mails go out through {@link TaskNotifications}, so the step that fired them only
 * touches the database and never waits for, or fails on, the mail server.
 */
@Service
public class TaskReminders {

    static final int OVERDUE_PRIORITY_STEP = 20;

    private final TaskNotifications notifications;

    public TaskReminders(TaskNotifications notifications) {
        this.notifications = notifications;
    }

    /**
     * @param taskKey the user task's id in the model; every open instance of it in the process instance is concerned
     * @param release the release the tasks belong to, for the mail's service, version, commit and evidence
     */
    public void notify(ProcessEngineServices engine, String processInstanceId, String businessKey, String taskKey, Notice notice,
            VariableScope release) {
        TaskService tasks = engine.getTaskService();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list()) {
            List<String> alsoNotified = List.of();
            if (notice == Notice.OVERDUE) {
                alsoNotified = List.of(Groups.RELEASE_MANAGERS);
                task.setPriority(Math.min(100, task.getPriority() + OVERDUE_PRIORITY_STEP));
                tasks.saveTask(task);
            }
            notifications.tell(engine.getRuntimeService(), new TaskNotifications.AboutTask(task.getId(), task.getName(),
                    task.getDueDate(), businessKey, TaskCandidates.of(tasks, task.getId())), notice, alsoNotified, release);
        }
    }
}
