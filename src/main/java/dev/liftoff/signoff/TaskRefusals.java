package dev.liftoff.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liftoff.process.JsonVars;
import dev.liftoff.process.TaskCandidates;
import dev.liftoff.process.Vars;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * Says whether a person may work on a task and, when not, why, in a sentence for that person.
 * Tasklist only knows that a task it may not read "does not exist"; an approver who opens a
 * link from a mail deserves the real reason (the four-eyes rule, another group's task).
 * Reads the engine without authorization checks, and tells the person only about themselves.
 */
@Service
public class TaskRefusals {

    /** what a person who opened a task's link is told */
    public record Answer(String taskId, String taskName, boolean allowed, String message) {
    }

    private final TaskService tasks;
    private final IdentityService identities;

    public TaskRefusals(TaskService tasks, IdentityService identities) {
        this.tasks = tasks;
        this.identities = identities;
    }

    /** empty when no such task is open */
    public Optional<Answer> answer(String taskId, String userId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return Optional.empty();
        }
        Optional<String> exclusion = exclusionOf(taskId, userId);
        TaskCandidates candidates = TaskCandidates.of(tasks, taskId);
        List<String> groups = candidates.groups();
        List<String> myGroups = identities.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        boolean candidate = userId.equals(task.getAssignee()) || candidates.users().contains(userId)
                || groups.stream().anyMatch(myGroups::contains);
        String others = groups.isEmpty() ? "the people it is offered to" : "the other members of " + String.join(", ", groups);
        if (exclusion.isPresent()) {
            return Optional.of(new Answer(taskId, task.getName(), false, "You (" + userId + ") may not work on \"" + task.getName()
                    + "\": you " + exclusion.get() + ". That is Liftoff's four-eyes rule; the task stays open for " + others + "."));
        }
        if (!candidate) {
            return Optional.of(new Answer(taskId, task.getName(), false, "\"" + task.getName() + "\" is not offered to you ("
                    + userId + "): it is for " + (groups.isEmpty() ? "named people" : String.join(", ", groups)) + "."));
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            return Optional.of(new Answer(taskId, task.getName(), true, task.getAssignee() + " has claimed this task."));
        }
        return Optional.of(new Answer(taskId, task.getName(), true, ""));
    }

    private Optional<String> exclusionOf(String taskId, String userId) {
        TypedValue recorded = tasks.getVariableLocalTyped(taskId, Vars.EXCLUDED_USERS, false);
        if (recorded == null) {
            return Optional.empty();
        }
        for (JsonNode exclusion : JsonVars.readValue(recorded)) {
            if (exclusion.path("user").asText().equals(userId)) {
                return Optional.of(exclusion.path("reason").asText());
            }
        }
        return Optional.empty();
    }
}
