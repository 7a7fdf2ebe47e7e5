package dev.liftoff.signoff;

import dev.liftoff.process.Actors;
import dev.liftoff.process.Decisions;
import dev.liftoff.process.Groups;
import dev.liftoff.process.Vars;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the release manager's Go/No-Go and passes it to the release. */
@Component("goNoGoDecision")
public class GoNoGoDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Decision decision = Decision.read(task, Set.of(Decisions.GO, Decisions.NO_GO), Decisions.NO_GO);
        String user = Actors.require(task);
        Approvals.append(task, Approvals.GO_NO_GO, Groups.RELEASE_MANAGERS, user, decision.value(), decision.comment());

        DelegateExecution checks = task.getExecution().getProcessInstance();
        checks.setVariable(Vars.GO_DECISION, decision.value());
        checks.setVariable(Vars.GO_REASON, decision.is(Decisions.GO)
                ? "Go by " + user + (decision.comment() == null ? "" : ": " + decision.comment())
                : "No-Go by " + user + ": " + decision.comment());
    }
}
