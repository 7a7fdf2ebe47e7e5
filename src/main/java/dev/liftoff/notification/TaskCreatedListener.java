package dev.liftoff.notification;

import dev.liftoff.process.RootInstance;
import dev.liftoff.process.TaskCandidates;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On every user task Liftoff creates: mails the candidates what is waiting for them, with the
 * evidence and a link to the task, through {@link TaskNotifications} (off the release's path).
 */
@Component
public class TaskCreatedListener implements TaskListener {

    private final TaskNotifications notifications;

    public TaskCreatedListener(TaskNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void notify(DelegateTask task) {
        notifications.tell(task.getProcessEngineServices().getRuntimeService(),
                new TaskNotifications.AboutTask(task.getId(), task.getName(), task.getDueDate(),
                        task.getExecution().getProcessBusinessKey(), TaskCandidates.of(task)),
                Notice.CREATED, List.of(), RootInstance.of(task));
    }
}
