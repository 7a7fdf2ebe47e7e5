package dev.liftoff.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Escalates a missed acknowledgement: the task becomes more urgent and the escalation group's
 * members are mailed (the addresses of their Camunda users).
 */
@Component
public class IncidentEscalations {

    /** the task escalated: its id in incident-response */
    public static final String ACKNOWLEDGE_TASK = "UserTask_AcknowledgeIncident";

    private static final Logger LOG = LoggerFactory.getLogger(IncidentEscalations.class);

    private final TaskService tasks;
    private final IdentityService identity;
    private final IncidentPolicy policy;
    private final IncidentMail mail;

    public IncidentEscalations(TaskService tasks, IdentityService identity, IncidentPolicy policy, IncidentMail mail) {
        this.tasks = tasks;
        this.identity = identity;
        this.policy = policy;
        this.mail = mail;
    }

    /**
     * @param mailKey the escalating step's ({@link dev.liftoff.notification.MailKeys})
     * @return false when the incident was acknowledged before this escalation ran: nothing was done
     */
    public boolean escalate(String mailKey, String incidentId, IncidentNotice incident, int count) {
        Optional<Task> open = Context.getCommandContext().runWithoutAuthorization(() -> Optional.ofNullable(
                tasks.createTaskQuery().processInstanceId(incidentId).taskDefinitionKey(ACKNOWLEDGE_TASK).singleResult()));
        if (open.isEmpty()) {
            LOG.info("incident '{}' was acknowledged before escalation {} ran: nothing to escalate", incident.title(), count);
            return false;
        }
        Task task = open.get();
        task.setPriority(IncidentPolicy.escalated(task.getPriority()));
        Context.getCommandContext().runWithoutAuthorization(() -> {
            tasks.saveTask(task);
            return null;
        });
        // mail last: a failed send rolls the escalation back, and the engine retries it whole
        mail.escalate(mailKey, incident, count, policy.escalationGroup(), addresses(policy.escalationGroup()));
        return true;
    }

    private List<String> addresses(String group) {
        List<User> members = Context.getCommandContext().runWithoutAuthorization(
                () -> identity.createUserQuery().memberOfGroup(group).list());
        List<String> addresses = new ArrayList<>();
        for (User member : members) {
            if (member.getEmail() == null || member.getEmail().isBlank()) {
                LOG.info("escalation: {} of group {} has no email address in Camunda and is not mailed", member.getId(), group);
            } else {
                addresses.add(member.getEmail());
            }
        }
        return addresses;
    }
}
