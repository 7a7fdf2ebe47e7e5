package dev.liftoff.notification;

import dev.liftoff.process.RootInstance;
import dev.liftoff.process.Vars;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A timer on a user task fired: {@code notice} {@code reminder} or {@code overdue} about the user
 * task named by {@code waitingTask} (its id in the model), through {@link TaskReminders}.
 */
@Component("remindTask")
public class RemindTaskDelegate implements JavaDelegate {

    private final TaskReminders reminders;

    public RemindTaskDelegate(TaskReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Notice notice = Notice.valueOf(((String) execution.getVariable(Vars.NOTICE)).toUpperCase(Locale.ROOT));
        reminders.notify(execution.getProcessEngineServices(), execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                (String) execution.getVariable(Vars.WAITING_TASK), notice, RootInstance.of(execution));
    }
}
