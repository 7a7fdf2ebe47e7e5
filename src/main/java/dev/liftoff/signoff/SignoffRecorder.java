package dev.liftoff.signoff;

import dev.liftoff.process.Actors;
import dev.liftoff.process.Decisions;
import dev.liftoff.process.Vars;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Records a go-live sign-off. Last line of the four-eyes rule (authorizations are the first):
 * an excluded person's decision is refused. Once someone signed one role, they lose access to
 * the release's other sign-off tasks; one rejection ends the sign-off as rejected.
 */
@Component("signoffRecorder")
public class SignoffRecorder implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String signer = Actors.require(task);
        Map<String, String> excluded = FourEyes.excludedFrom(task);
        if (excluded.containsKey(signer)) {
            throw new BadUserRequestException(signer + " may not sign this go-live: " + signer + " " + excluded.get(signer)
                    + " (four-eyes rule)");
        }
        Decision decision = Decision.read(task, Set.of(Decisions.APPROVE, Decisions.REJECT), Decisions.REJECT);
        String role = (String) task.getVariable(Vars.ROLE);
        Approvals.append(task, Approvals.GO_LIVE, role, signer, decision.value(), decision.comment());

        if (decision.is(Decisions.REJECT)) {
            DelegateExecution signoff = task.getExecution().getProcessInstance();
            signoff.setVariable(Vars.SIGNOFF_REJECTED, true);
            signoff.setVariable(Vars.SIGNOFF_REASON, "Go-live sign-off refused by " + signer + " for " + role + ": "
                    + decision.comment());
        }
        shutOutOfSiblings(task, signer);
    }

    private void shutOutOfSiblings(DelegateTask task, String signer) {
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        // the signer sees only their own group's tasks: look for siblings with checks lifted
        List<Task> siblings = Context.getCommandContext().runWithoutAuthorization(
                () -> tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list());
        for (Task sibling : siblings) {
            if (!sibling.getId().equals(task.getId())) {
                TaskAccess.shutOut(task.getProcessEngineServices(), sibling.getId(), signer, "already signed for " + task.getVariable(Vars.ROLE));
            }
        }
    }
}
