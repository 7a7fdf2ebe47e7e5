package dev.liftoff.notification;

import dev.liftoff.process.Vars;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails the people a task waits for ({@link TaskAudience}) that it was created, is due soon or is
 * overdue ({@code notice}; an overdue notice also goes to {@code alsoNotifiedGroups}). A task done
 * before its mail goes out is not mailed about.
 */
@Component("emailTaskCandidates")
public class EmailTaskCandidatesDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(EmailTaskCandidatesDelegate.class);

    private final TaskMail mail;

    public EmailTaskCandidatesDelegate(TaskMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessEngineServices engine = execution.getProcessEngineServices();
        String taskId = (String) execution.getVariable(Vars.TASK_ID);
        if (engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0) {
            LOG.info("task {} was done before its mail went out: nobody is told", taskId);
            return;
        }
        Notice notice = notice(execution.getVariable(Vars.NOTICE));
        List<String> groups = split(execution.getVariable(Vars.CANDIDATE_GROUPS));
        List<String> users = split(execution.getVariable(Vars.CANDIDATE_USERS));
        List<String> audience = Stream.concat(groups.stream(), split(execution.getVariable(Vars.ALSO_NOTIFIED_GROUPS)).stream()).toList();
        List<String> to = TaskAudience.emails(engine, taskId, audience, users);
        Date due = (Date) execution.getVariable(Vars.TASK_DUE);
        mail.send(MailKeys.of(execution), notice, new WaitingTask(taskId, (String) execution.getVariable(Vars.TASK_NAME), execution.getProcessBusinessKey(),
                (String) execution.getVariable(Vars.SERVICE), (String) execution.getVariable(Vars.VERSION),
                (String) execution.getVariable(Vars.COMMIT_SHA),
                String.join(", ", Stream.concat(groups.stream(), users.stream()).toList()),
                due == null ? null : due.toInstant(), (String) execution.getVariable(Vars.EVIDENCE_SUMMARY)), to);
    }

    /** instances started before notices had names announce their task */
    private static Notice notice(Object name) {
        return name == null ? Notice.CREATED : Notice.valueOf(name.toString());
    }

    private static List<String> split(Object commaSeparated) {
        return commaSeparated == null || commaSeparated.toString().isBlank() ? List.of()
                : Arrays.stream(commaSeparated.toString().split(",")).map(String::trim).toList();
    }
}
