package dev.liftoff.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Who a task is offered to: its candidate groups and its candidate users. */
public record TaskCandidates(List<String> groups, List<String> users) {

    public static TaskCandidates of(TaskService tasks, String taskId) {
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
        }
        return new TaskCandidates(List.copyOf(groups), List.copyOf(users));
    }
}
