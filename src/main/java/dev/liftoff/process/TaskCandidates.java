package dev.liftoff.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Who a task is offered to: its candidate groups and its candidate users. */
public record TaskCandidates(List<String> groups, List<String> users) {

    public static TaskCandidates of(TaskService tasks, String taskId) {
        return of(tasks.getIdentityLinksForTask(taskId));
    }

    /** of a task being created, whose links are not in the database yet */
    public static TaskCandidates of(DelegateTask task) {
        return of(List.copyOf(task.getCandidates()));
    }

    private static TaskCandidates of(List<? extends IdentityLink> links) {
        List<String> groups = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (IdentityLink link : links) {
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
