package dev.liftoff.signoff;

import dev.liftoff.process.Actors;
import dev.liftoff.process.Vars;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * One tester, one UAT task. Whoever already gave feedback may not claim or complete another UAT
 * task of the release, and a named tester's task takes only that tester's feedback. Once someone
 * completed a task offered to the group, they lose access to its sibling tasks (user-level
 * REVOKE), so Tasklist stops offering them; the refusals below are the last line of defence.
 */
@Component("uatSlotGuard")
public class UatSlotGuard implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null) {
            check(task, task.getAssignee());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String tester = Actors.require(task);
            check(task, tester);
            if (!slotOf(task).named()) {
                shutOutOfSiblings(task, tester);
            }
        }
    }

    private static void check(DelegateTask task, String tester) {
        if (UatTesters.whoGaveFeedback(task.getExecution().getProcessInstance()).contains(tester)) {
            throw new BadUserRequestException(tester + " already gave UAT feedback for this release: each tester fills one UAT task");
        }
        UatSlot slot = slotOf(task);
        if (slot.named() && !slot.tester().equals(tester)) {
            throw new BadUserRequestException("this UAT task is " + slot.tester() + "'s: " + tester
                    + " may not give UAT feedback in their place");
        }
    }

    private static UatSlot slotOf(DelegateTask task) {
        return UatSlot.parse((String) task.getVariable(Vars.UAT_SLOT));
    }

    private static void shutOutOfSiblings(DelegateTask task, String tester) {
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        // a tester sees only the tasks offered to them: look for siblings with checks lifted
        List<Task> siblings = Context.getCommandContext().runWithoutAuthorization(() -> tasks.createTaskQuery()
                .processInstanceId(task.getProcessInstanceId()).taskDefinitionKey(task.getTaskDefinitionKey()).list());
        for (Task sibling : siblings) {
            if (!sibling.getId().equals(task.getId())) {
                TaskAccess.shutOut(task.getProcessEngineServices(), sibling.getId(), tester, "already gave UAT feedback for this release");
            }
        }
    }
}
